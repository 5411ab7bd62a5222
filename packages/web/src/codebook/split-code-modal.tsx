import {
  Button,
  Checkbox,
  Group,
  Loader,
  Modal,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CodebookNode } from '@weft/protocol';
import { useEffect, useState } from 'react';
import { codingApi } from '../api/coding';
import { useResource } from '../api/use-resource';
import { shownColours, unusedColour } from '../coding/code-colours';
import { LoadError } from '../ui/load-error';
import type { CodebookCommand } from './use-codebook-commands';

/**
 * Splits a code: the chosen codings move to a new code, placed beside the source or under it.
 * Opened from the codebook (choose codings here) or from the code's segments (already chosen).
 */
export function SplitCodeModal({
  opened,
  onClose,
  projectId,
  source,
  codes,
  preselected,
  command,
  onSplit,
}: {
  opened: boolean;
  onClose: () => void;
  projectId: string;
  source: CodebookNode;
  /** The codebook, for a colour the new code does not share. */
  codes: readonly CodebookNode[];
  preselected?: string[];
  command: CodebookCommand;
  onSplit?: (codeId: string) => void;
}) {
  const segments = useResource(opened && !preselected ? `${projectId}|${source.id}` : null, () =>
    codingApi.segments(projectId, source.id),
  );
  const [chosen, setChosen] = useState<string[]>(preselected ?? []);
  const [name, setName] = useState('');
  const [place, setPlace] = useState<'beside' | 'under'>('beside');
  const [busy, setBusy] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: start fresh each time it opens
  useEffect(() => {
    if (opened) {
      setChosen(preselected ?? []);
      setName('');
    }
  }, [opened]);

  const split = async () => {
    setBusy(true);
    const codeId = crypto.randomUUID();
    const parentId = place === 'under' ? source.id : source.parentId;
    const done = await command(
      'code.split',
      {
        sourceId: source.id,
        // A colour of its own, apart from the others, so its passages are told from the source's.
        code: { codeId, parentId, name: name.trim(), colour: unusedColour(shownColours(codes)) },
        codingIds: chosen,
      },
      'Not split',
    );
    setBusy(false);
    if (!done) return;
    notifications.show({
      color: 'teal',
      message: `${chosen.length} coding${chosen.length === 1 ? '' : 's'} moved from “${source.name}” to “${name.trim()}”.`,
    });
    onSplit?.(done.codeId);
    onClose();
  };

  const list = segments.data?.segments ?? [];
  return (
    <Modal opened={opened} onClose={onClose} title={`Split “${source.name}”`} size="lg">
      <Stack gap="md">
        <TextInput
          label="New code"
          placeholder="Name of the code the chosen codings move to"
          value={name}
          maxLength={200}
          data-autofocus
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <SegmentedControl
          size="xs"
          value={place}
          onChange={(v) => setPlace(v as 'beside' | 'under')}
          data={[
            { value: 'beside', label: `Beside “${source.name}”` },
            { value: 'under', label: `Under “${source.name}”` },
          ]}
        />
        {preselected ? (
          <Text fz="sm">
            {preselected.length} chosen coding{preselected.length === 1 ? '' : 's'} will move.
          </Text>
        ) : segments.error ? (
          <LoadError error={segments.error} what="the codings" onRetry={segments.reload} />
        ) : !segments.data ? (
          <Loader size="sm" aria-label="Loading the codings" />
        ) : list.length === 0 ? (
          <Text c="dimmed" fz="sm">
            “{source.name}” has no codings to split off.
          </Text>
        ) : (
          <Stack gap={4}>
            <Group justify="space-between">
              <Text fz="sm" fw={500}>
                Codings to move ({chosen.length} of {list.length})
              </Text>
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => setChosen(chosen.length === list.length ? [] : list.map((s) => s.id))}
              >
                {chosen.length === list.length ? 'None' : 'All'}
              </Button>
            </Group>
            <ScrollArea.Autosize mah={320} type="auto">
              <Checkbox.Group value={chosen} onChange={setChosen}>
                <Stack gap={6}>
                  {list.map((s) => (
                    <Checkbox
                      key={s.id}
                      value={s.id}
                      label={
                        <Text fz="sm" lineClamp={2}>
                          “{s.exact}”
                        </Text>
                      }
                      description={s.documentName}
                    />
                  ))}
                </Stack>
              </Checkbox.Group>
            </ScrollArea.Autosize>
          </Stack>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            disabled={chosen.length === 0 || name.trim() === ''}
            loading={busy}
            onClick={() => void split()}
          >
            Split
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
