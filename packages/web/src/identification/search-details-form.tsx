import { NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { SEARCH_SOURCE_TYPES, type SearchSourceType, type SearchView } from '@weft/protocol';

export interface SearchDraft {
  sourceType: SearchSourceType;
  name: string;
  platform: string;
  dateRun: string;
  query: string;
  reportedCount: number | '';
  /** Shown and saved only when editing a search (the import wizard leaves it out). */
  notes?: string;
}

export const EMPTY_SEARCH: SearchDraft = {
  sourceType: 'database',
  name: '',
  platform: '',
  dateRun: '',
  query: '',
  reportedCount: '',
};

const SOURCE_LABELS: Record<SearchSourceType, string> = {
  database: 'Database',
  register: 'Register',
  website: 'Website',
  organisation: 'Organisation',
  'citation-searching': 'Citation searching',
  other: 'Other',
};

/** A search as the form edits it. */
export function draftFromSearch(
  search: Omit<SearchView, 'id' | 'createdAt' | 'importCount' | 'recordCount'>,
): SearchDraft {
  return {
    sourceType: search.sourceType,
    name: search.name,
    platform: search.platform,
    dateRun: search.dateRun ?? '',
    query: search.query,
    reportedCount: search.reportedCount ?? '',
    notes: search.notes,
  };
}

/** The command fields of a draft (search.create and search.update take the same ones). */
export function searchFieldsOf(draft: SearchDraft) {
  return {
    sourceType: draft.sourceType,
    name: draft.name.trim(),
    platform: draft.platform.trim(),
    dateRun: draft.dateRun || null,
    query: draft.query,
    reportedCount: draft.reportedCount === '' ? null : draft.reportedCount,
    notes: draft.notes ?? '',
  };
}

/** Which search the file belongs to: an existing one (an update) or a new one, described per PRISMA-S. */
export function SearchDetailsForm({
  searches,
  existingId,
  onExisting,
  draft,
  onDraft,
  nameError,
}: {
  searches: SearchView[];
  existingId: string | null;
  onExisting: (id: string | null) => void;
  draft: SearchDraft;
  onDraft: (draft: SearchDraft) => void;
  nameError?: string;
}) {
  const mode = existingId !== null ? 'existing' : 'new';
  return (
    <Stack gap="sm">
      {searches.length > 0 && (
        <SegmentedControl
          value={mode}
          onChange={(value) => onExisting(value === 'existing' ? (searches[0]?.id ?? null) : null)}
          data={[
            { value: 'new', label: 'A new search' },
            { value: 'existing', label: 'Add to an existing search' },
          ]}
        />
      )}
      {mode === 'existing' ? (
        <Select
          label="Search"
          data={searches.map((s) => ({
            value: s.id,
            label: s.platform ? `${s.name} (${s.platform})` : s.name,
          }))}
          value={existingId}
          onChange={(value) => onExisting(value)}
          allowDeselect={false}
        />
      ) : (
        <SearchFields draft={draft} onDraft={onDraft} nameError={nameError} />
      )}
    </Stack>
  );
}

/** The PRISMA-S fields of one search; with `withNotes`, its notes too (editing a recorded search). */
export function SearchFields({
  draft,
  onDraft,
  nameError,
  withNotes = false,
}: {
  draft: SearchDraft;
  onDraft: (draft: SearchDraft) => void;
  nameError?: string | undefined;
  withNotes?: boolean;
}) {
  const set = <K extends keyof SearchDraft>(key: K, value: SearchDraft[K]) =>
    onDraft({ ...draft, [key]: value });
  return (
    <>
      <SimpleGrid cols={2} spacing="sm">
        <Select
          label="Source type"
          data={SEARCH_SOURCE_TYPES.map((t) => ({ value: t, label: SOURCE_LABELS[t] }))}
          value={draft.sourceType}
          onChange={(value) => value && set('sourceType', value as SearchSourceType)}
          allowDeselect={false}
        />
        <TextInput
          label="Search name"
          placeholder="MEDLINE"
          required
          value={draft.name}
          error={nameError}
          onChange={(event) => set('name', event.currentTarget.value)}
        />
        <TextInput
          label="Platform"
          placeholder="Ovid"
          value={draft.platform}
          onChange={(event) => set('platform', event.currentTarget.value)}
        />
        <TextInput
          label="Date run"
          type="date"
          value={draft.dateRun}
          onChange={(event) => set('dateRun', event.currentTarget.value)}
        />
      </SimpleGrid>
      <Textarea
        label="Query"
        description="The search string as run, for the report (PRISMA-S item 8)."
        autosize
        minRows={2}
        maxRows={6}
        styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 12 } }}
        value={draft.query}
        onChange={(event) => set('query', event.currentTarget.value)}
      />
      <NumberInput
        label="Records the database reported"
        description="Weft warns when the file holds a different number."
        min={0}
        allowDecimal={false}
        thousandSeparator=","
        value={draft.reportedCount}
        onChange={(value) => set('reportedCount', typeof value === 'number' ? value : '')}
        maw={260}
      />
      {withNotes && (
        <Textarea
          label="Notes"
          description="Limits, filters, who ran it: anything a reader needs to repeat the search."
          autosize
          minRows={2}
          maxRows={6}
          value={draft.notes ?? ''}
          onChange={(event) => set('notes', event.currentTarget.value)}
        />
      )}
    </>
  );
}
