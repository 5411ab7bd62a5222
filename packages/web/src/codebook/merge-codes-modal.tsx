import { Alert, Button, Group, Modal, MultiSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CodebookNode } from '@weft/protocol';
import { useMemo, useState } from 'react';
import { allCodes, ancestry, findCode } from './tree-model';
import type { CodebookCommand } from './use-codebook-commands';

/**
 * Merges chosen codes into a target: their codings and child codes move to it. Nothing is lost;
 * each merged code is listed as inactive and can be unmerged.
 */
export function MergeCodesModal({
  opened,
  onClose,
  codes,
  target,
  command,
}: {
  opened: boolean;
  onClose: () => void;
  codes: CodebookNode[];
  target: CodebookNode;
  command: CodebookCommand;
}) {
  const [sourceIds, setSourceIds] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // A code above the target cannot be merged into it (its children would move under themselves).
  const above = new Set(ancestry(codes, target.id).map((c) => c.id));
  const options = useMemo(
    () =>
      allCodes(codes)
        .filter(({ node }) => !above.has(node.id))
        .map(({ node, path }) => ({ value: node.id, label: path.join(' › ') })),
    [codes, above],
  );
  const sources = sourceIds.map((id) => findCode(codes, id)).filter((c): c is CodebookNode => Boolean(c));
  const moving = sources.reduce((sum, c) => sum + c.codingCount, 0);
  const children = sources.reduce((sum, c) => sum + c.children.length, 0);

  const close = () => {
    setSourceIds([]);
    onClose();
  };
  const merge = async () => {
    setBusy(true);
    const done = await command('code.merge', { sourceIds, targetId: target.id }, 'Not merged');
    setBusy(false);
    if (!done) return;
    notifications.show({
      color: 'teal',
      message: `Merged ${sources.length} code${sources.length === 1 ? '' : 's'} into “${target.name}”: ${done.codingIds.length} coding${done.codingIds.length === 1 ? '' : 's'} moved.`,
    });
    close();
  };

  return (
    <Modal opened={opened} onClose={close} title={`Merge codes into “${target.name}”`} size="lg">
      <Stack gap="md">
        <MultiSelect
          label="Codes to merge"
          description="Their codings and child codes move to the target. Each merged code can be unmerged later."
          placeholder="Pick one or more codes"
          data={options}
          value={sourceIds}
          onChange={setSourceIds}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
          maxDropdownHeight={280}
        />
        {sources.length > 0 && (
          <Alert variant="light" color="blue">
            <Text fz="sm">
              {moving} coding{moving === 1 ? '' : 's'}
              {children > 0 ? ` and ${children} child code${children === 1 ? '' : 's'}` : ''} will move to “
              {target.name}”.
            </Text>
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button disabled={sourceIds.length === 0} loading={busy} onClick={() => void merge()}>
            Merge
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
