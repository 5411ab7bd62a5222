import { Group, SegmentedControl, Select } from '@mantine/core';
import type { MemoTarget } from '@weft/core';
import type { CodebookNode } from '@weft/protocol';
import { useMemo } from 'react';
import { codingApi } from '../api/coding';
import { useResource } from '../api/use-resource';
import { casesApi } from '../cases/cases-api';

type PickableKind = 'project' | 'document' | 'case' | 'code';

const KIND_LABELS: Record<PickableKind, string> = {
  project: 'Project',
  document: 'Document',
  case: 'Case',
  code: 'Code',
};

const flatten = (nodes: readonly CodebookNode[], path: string[] = []): { value: string; label: string }[] =>
  nodes.flatMap((node) => [
    { value: node.id, label: [...path, node.name].join(' › ') },
    ...flatten(node.children, [...path, node.name]),
  ]);

/**
 * What a new memo is written on: the project, or a document, case or code chosen by name.
 * (Memos on a segment are written from the segment, where it is seen.) Each list is read only
 * when its kind is chosen.
 */
export function MemoTargetPicker({
  projectId,
  value,
  onChange,
}: {
  projectId: string;
  value: MemoTarget;
  onChange: (target: MemoTarget) => void;
}) {
  const kind = (value.kind === 'coding' ? 'project' : value.kind) as PickableKind;
  const documents = useResource(kind === 'document' ? `memo-target-documents:${projectId}` : null, () =>
    codingApi.documents(projectId),
  );
  const cases = useResource(kind === 'case' ? `memo-target-cases:${projectId}` : null, () =>
    casesApi.sheet(projectId),
  );
  const codebook = useResource(kind === 'code' ? `memo-target-codes:${projectId}` : null, () =>
    codingApi.codebook(projectId),
  );
  const options = useMemo(() => {
    if (kind === 'document')
      return (documents.data?.documents ?? []).map((d) => ({
        value: d.id,
        label: d.folder ? `${d.folder} / ${d.name}` : d.name,
      }));
    if (kind === 'case')
      return (cases.data?.cases ?? [])
        .filter((c) => c.status === 'active')
        .map((c) => ({ value: c.id, label: `${c.name} (${c.classification})` }));
    if (kind === 'code') return flatten(codebook.data?.codes ?? []);
    return [];
  }, [kind, documents.data, cases.data, codebook.data]);
  const loading = { document: documents, case: cases, code: codebook, project: null }[kind];

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <SegmentedControl
        size="xs"
        aria-label="What the memo is on"
        value={kind}
        onChange={(k) => onChange({ kind: k as PickableKind, id: null })}
        data={(Object.keys(KIND_LABELS) as PickableKind[]).map((k) => ({ value: k, label: KIND_LABELS[k] }))}
      />
      {kind !== 'project' && (
        <Select
          size="xs"
          w={280}
          aria-label={`The ${kind} the memo is on`}
          placeholder={loading?.data ? `Choose a ${kind}` : 'Loading…'}
          data={options}
          value={value.id}
          onChange={(id) => onChange({ kind, id })}
          searchable
          // Opened before the names arrive, the list would say that no such name exists.
          disabled={!loading?.data}
          nothingFoundMessage={`No ${kind} has that name`}
          comboboxProps={{ withinPortal: true }}
        />
      )}
    </Group>
  );
}
