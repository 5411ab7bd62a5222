import { Badge, Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CodebookResponse } from '@weft/protocol';
import { useState } from 'react';
import type { CodebookCommand } from './use-codebook-commands';

/** Deleted codes (restorable) and merged codes (unmergeable). */
export function InactiveCodes({
  inactive,
  editable,
  command,
}: {
  inactive: CodebookResponse['inactive'];
  editable: boolean;
  command: CodebookCommand;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  if (inactive.length === 0)
    return (
      <Text c="dimmed" fz="sm">
        No deleted or merged codes.
      </Text>
    );
  const act = async (code: CodebookResponse['inactive'][number]) => {
    setBusy(code.id);
    if (code.status === 'deleted') {
      const done = await command('code.restore', { codeId: code.id }, 'Not restored');
      if (done) notifications.show({ color: 'teal', message: `Restored “${code.name}”.` });
    } else {
      const done = await command('code.unmerge', { codeId: code.id }, 'Not unmerged');
      if (done)
        notifications.show({
          color: 'teal',
          message: `Unmerged “${code.name}”: ${done.codingIds.length} coding${done.codingIds.length === 1 ? '' : 's'} back.`,
        });
    }
    setBusy(null);
  };
  return (
    <Stack gap={4} aria-label="Deleted and merged codes" role="list">
      {inactive.map((code) => (
        <Group key={code.id} justify="space-between" gap="xs" wrap="nowrap" role="listitem">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Badge size="xs" variant="light" color={code.status === 'deleted' ? 'red' : 'grape'}>
              {code.status}
            </Badge>
            <Text fz="sm" truncate>
              {code.name}
            </Text>
          </Group>
          {editable && (
            <Button
              size="compact-xs"
              variant="light"
              loading={busy === code.id}
              onClick={() => void act(code)}
            >
              {code.status === 'deleted' ? 'Restore' : 'Unmerge'}
            </Button>
          )}
        </Group>
      ))}
    </Stack>
  );
}
