import { Button, Group, Loader, Modal, ScrollArea, Select, Stack, Text, UnstyledButton } from '@mantine/core';
import type { CodebookNode } from '@weft/protocol';
import { useMemo, useState } from 'react';
import { codingApi } from '../api/coding';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { memosApi } from './memos-api';

const flatten = (nodes: CodebookNode[], depth = 0): { node: CodebookNode; depth: number }[] =>
  nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);

/** Choose a coded segment to link to: first a code, then one of its segments (quoted, with its document). */
export function SegmentPicker({
  projectId,
  opened,
  onClose,
  onPick,
}: {
  projectId: string;
  opened: boolean;
  onClose: () => void;
  onPick: (codingId: string) => void;
}) {
  const [codeId, setCodeId] = useState<string | null>(null);
  const codebook = useResource(opened ? `codebook:${projectId}` : null, () => codingApi.codebook(projectId));
  const segments = useResource(opened && codeId ? `segments:${codeId}` : null, () =>
    codingApi.segments(projectId, codeId as string),
  );
  const options = useMemo(
    () =>
      flatten(codebook.data?.codes ?? []).map(({ node, depth }) => ({
        value: node.id,
        label: `${'  '.repeat(depth)}${node.name} (${node.codingCount})`,
      })),
    [codebook.data],
  );
  return (
    <Modal opened={opened} onClose={onClose} title="Link a coded segment" size="lg">
      <Stack gap="sm">
        <Select
          label="Code"
          placeholder={codebook.data ? 'Choose a code' : 'Loading the codebook…'}
          data={options}
          value={codeId}
          onChange={setCodeId}
          searchable
          nothingFoundMessage="No such code"
        />
        {!!codebook.error && <Text c="red">{errorMessage(codebook.error)}</Text>}
        {codeId &&
          (!segments.data ? (
            <Loader size="sm" aria-label="Loading segments" />
          ) : segments.data.segments.length === 0 ? (
            <Text c="dimmed" fz="sm">
              No segments are coded with this code.
            </Text>
          ) : (
            <ScrollArea.Autosize mah={360}>
              <Stack gap={4}>
                {segments.data.segments.map((s) => (
                  <UnstyledButton
                    key={s.id}
                    onClick={() => onPick(s.id)}
                    p="xs"
                    style={{ borderRadius: 4, border: '1px solid var(--mantine-color-gray-3)' }}
                    aria-label={`Link “${s.exact}” in ${s.documentName}`}
                  >
                    <Text fz="sm" lineClamp={3}>
                      <Text span c="dimmed">
                        {s.before.slice(-60)}
                      </Text>
                      <Text span fw={600}>
                        {s.exact}
                      </Text>
                      <Text span c="dimmed">
                        {s.after.slice(0, 60)}
                      </Text>
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {s.documentName}
                    </Text>
                  </UnstyledButton>
                ))}
              </Stack>
            </ScrollArea.Autosize>
          ))}
      </Stack>
    </Modal>
  );
}

/** Choose another memo to link to, by title. */
export function MemoPicker({
  projectId,
  exclude,
  opened,
  onClose,
  onPick,
}: {
  projectId: string;
  exclude: string[];
  opened: boolean;
  onClose: () => void;
  onPick: (memoId: string) => void;
}) {
  const [memoId, setMemoId] = useState<string | null>(null);
  const memos = useResource(opened ? `memo-picker:${projectId}` : null, () => memosApi.list(projectId));
  const options = (memos.data?.memos ?? [])
    .filter((m) => !exclude.includes(m.id))
    .map((m) => ({ value: m.id, label: m.title }));
  return (
    <Modal opened={opened} onClose={onClose} title="Link another memo">
      <Stack gap="sm">
        <Select
          label="Memo"
          placeholder={memos.data ? 'Type to find a memo' : 'Loading memos…'}
          data={options}
          value={memoId}
          onChange={setMemoId}
          searchable
          nothingFoundMessage="No other memo has that title"
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button disabled={!memoId} onClick={() => memoId && onPick(memoId)}>
            Link memo
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
