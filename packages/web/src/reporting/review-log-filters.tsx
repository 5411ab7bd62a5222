import { Chip, Group, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { REVIEW_LOG_GROUP_LABELS, REVIEW_LOG_GROUP_NAMES, type ReviewLogGroup } from '@weft/protocol';
import type { ReviewLogFilter } from './reporting-api';

/** Groups as chips (none ticked means all), a date range, and words to look for. */
export function ReviewLogFilters({
  filter,
  words,
  onFilter,
  onWords,
}: {
  filter: ReviewLogFilter;
  words: string;
  onFilter: (filter: ReviewLogFilter) => void;
  onWords: (words: string) => void;
}) {
  return (
    <Group gap="md" align="flex-end" wrap="wrap">
      <Chip.Group
        multiple
        value={filter.types}
        onChange={(types) => onFilter({ ...filter, types: types as ReviewLogGroup[] })}
      >
        <Group gap={6} aria-label="Kinds of event" role="group">
          {REVIEW_LOG_GROUP_NAMES.map((group) => (
            <Chip key={group} value={group} size="xs" variant="outline">
              {REVIEW_LOG_GROUP_LABELS[group]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Group gap="xs" align="flex-end">
        <TextInput
          type="date"
          size="xs"
          label="From"
          value={filter.from ?? ''}
          onChange={(event) => onFilter({ ...filter, from: event.currentTarget.value || undefined })}
        />
        <TextInput
          type="date"
          size="xs"
          label="To"
          value={filter.to ?? ''}
          onChange={(event) => onFilter({ ...filter, to: event.currentTarget.value || undefined })}
        />
        <TextInput
          size="xs"
          label="Words"
          placeholder="imported, Ana, MEDLINE…"
          leftSection={<IconSearch size={14} />}
          value={words}
          onChange={(event) => onWords(event.currentTarget.value)}
          w={220}
        />
      </Group>
    </Group>
  );
}
