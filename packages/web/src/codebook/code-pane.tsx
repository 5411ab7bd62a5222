import { Anchor, Breadcrumbs, Button, ColorSwatch, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconArrowsJoin2, IconArrowsSplit2, IconListDetails, IconTrash } from '@tabler/icons-react';
import type { CodebookNode } from '@weft/protocol';
import { useState } from 'react';
import { Link } from 'react-router';
import { MemoPanel } from '../memos/memo-panel';
import { CodeDetailsForm } from './code-details-form';
import { NO_COLOUR } from './code-row';
import { MergeCodesModal } from './merge-codes-modal';
import { SplitCodeModal } from './split-code-modal';
import { ancestry, totalCodings } from './tree-model';
import type { CodebookCommand } from './use-codebook-commands';

/** The selected code on the codebook page: where it sits, its guidance, and merge/split/delete. */
export function CodePane({
  projectId,
  codes,
  node,
  editable,
  command,
  onSelect,
}: {
  projectId: string;
  codes: CodebookNode[];
  node: CodebookNode;
  editable: boolean;
  command: CodebookCommand;
  onSelect: (codeId: string | null) => void;
}) {
  const [merging, setMerging] = useState(false);
  const [splitting, setSplitting] = useState(false);
  const path = ancestry(codes, node.id);
  const total = totalCodings(node);
  const remove = async () => {
    const done = await command('code.delete', { codeId: node.id }, 'Not deleted');
    if (done) onSelect(null);
  };
  return (
    <Stack gap="md">
      <Stack gap={4}>
        {path.length > 1 && (
          <Breadcrumbs separator="›" fz="xs">
            {path.slice(0, -1).map((c) => (
              <Anchor key={c.id} fz="xs" c="dimmed" onClick={() => onSelect(c.id)}>
                {c.name}
              </Anchor>
            ))}
          </Breadcrumbs>
        )}
        <Group gap="sm" wrap="nowrap">
          <ColorSwatch color={node.colour ?? NO_COLOUR} size={16} withShadow={false} />
          <Title order={2} fz="h3" style={{ overflowWrap: 'anywhere' }}>
            {node.name}
          </Title>
        </Group>
        <Text fz="sm" c="dimmed">
          {node.codingCount} coding{node.codingCount === 1 ? '' : 's'} on this code
          {total !== node.codingCount ? `, ${total} with the codes under it` : ''}
        </Text>
      </Stack>
      <Group gap="xs">
        <Button
          component={Link}
          to={`/projects/${projectId}/codes/${node.id}`}
          size="xs"
          variant="light"
          leftSection={<IconListDetails size={14} />}
        >
          Segments
        </Button>
        {editable && (
          <>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowsJoin2 size={14} />}
              onClick={() => setMerging(true)}
            >
              Merge into this…
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowsSplit2 size={14} />}
              disabled={node.codingCount === 0}
              onClick={() => setSplitting(true)}
            >
              Split…
            </Button>
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconTrash size={14} />}
              onClick={() => void remove()}
            >
              Delete
            </Button>
          </>
        )}
      </Group>
      <Divider />
      <CodeDetailsForm node={node} editable={editable} command={command} />
      <Divider />
      <MemoPanel projectId={projectId} target={{ kind: 'code', id: node.id }} compact />
      {editable && (
        <>
          <MergeCodesModal
            opened={merging}
            onClose={() => setMerging(false)}
            codes={codes}
            target={node}
            command={command}
          />
          <SplitCodeModal
            opened={splitting}
            onClose={() => setSplitting(false)}
            projectId={projectId}
            source={node}
            codes={codes}
            command={command}
            onSplit={onSelect}
          />
        </>
      )}
    </Stack>
  );
}
