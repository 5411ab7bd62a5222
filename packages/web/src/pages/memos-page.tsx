import {
  Button,
  Card,
  Center,
  Chip,
  Grid,
  Group,
  Loader,
  Space,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { MEMO_TARGET_KINDS, type MemoTarget, type MemoTargetKind, mayDo } from '@weft/core';
import { useCallback, useState } from 'react';
import { useSearchParams } from 'react-router';
import { useResource } from '../api/use-resource';
import { MemoDetail } from '../memos/memo-detail';
import { MemoForm } from '../memos/memo-form';
import { MemoList } from '../memos/memo-list';
import { MemoTargetPicker } from '../memos/memo-target-picker';
import { TARGET_KIND_LABELS } from '../memos/memo-words';
import { memosApi } from '../memos/memos-api';
import { useMemoEvents } from '../memos/use-memo-events';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

type KindFilter = MemoTargetKind | 'all';

/** Every memo of the project: filtered by what it is on, searched by words, read and written. */
export function MemosPage() {
  const { projectId, role } = useProject();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('memo');
  const [kind, setKind] = useState<KindFilter>('all');
  const [words, setWords] = useState('');
  const [q] = useDebouncedValue(words.trim(), 250);
  const [deleted, setDeleted] = useState(false);
  const [writing, setWriting] = useState(false);
  const [target, setTarget] = useState<MemoTarget>({ kind: 'project', id: null });
  const query = {
    targetKind: kind === 'all' ? undefined : kind,
    q: q || undefined,
    status: deleted ? ('deleted' as const) : undefined,
  };
  const memos = useResource(JSON.stringify([projectId, query]), () => memosApi.list(projectId, query));
  const { reload } = memos;
  useMemoEvents(useCallback(() => void reload(), [reload]));
  const select = (memoId: string) => {
    setWriting(false);
    setParams({ memo: memoId });
  };

  return (
    <ProjectGate>
      {() => (
        <Stack gap="md">
          <PageHeader
            title="Memos"
            description="Notes on the project, a document, a case, a code or a coded segment, with links to segments and other memos. Memos also appear where what they are on appears."
            actions={
              mayDo(role, 'memo.create') && (
                <Button
                  size="xs"
                  leftSection={<IconPlus size={14} />}
                  onClick={() => {
                    setWriting(true);
                    setTarget({ kind: 'project', id: null });
                    setParams({});
                  }}
                >
                  New memo
                </Button>
              )
            }
          />
          <Grid gap="lg">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Stack gap="sm">
                <Chip.Group value={kind} onChange={(v) => setKind(v as KindFilter)}>
                  <Group gap={6} aria-label="What the memos are on">
                    {(['all', ...MEMO_TARGET_KINDS] as const).map((k) => (
                      <Chip key={k} value={k} size="xs" variant="light">
                        {k === 'all' ? 'All' : TARGET_KIND_LABELS[k]}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
                <Group gap="sm" wrap="nowrap">
                  <TextInput
                    style={{ flex: 1 }}
                    size="xs"
                    placeholder="Search titles and text"
                    leftSection={<IconSearch size={14} />}
                    value={words}
                    onChange={(e) => setWords(e.currentTarget.value)}
                    aria-label="Search memos"
                  />
                  <Switch
                    size="xs"
                    label="Deleted"
                    checked={deleted}
                    onChange={(e) => setDeleted(e.currentTarget.checked)}
                  />
                </Group>
                {memos.error && !memos.data ? (
                  <LoadError error={memos.error} what="memos" onRetry={reload} />
                ) : !memos.data ? (
                  <Center py="xl">
                    <Loader aria-label="Loading memos" />
                  </Center>
                ) : memos.data.memos.length === 0 ? (
                  <Text c="dimmed" fz="sm" p="md">
                    {q || kind !== 'all' || deleted
                      ? 'No memos match.'
                      : 'No memos yet. Write one on the project here, or on a document, code or segment where you work on it.'}
                  </Text>
                ) : (
                  <MemoList
                    projectId={projectId}
                    memos={memos.data.memos}
                    selectedId={selectedId}
                    onSelect={select}
                  />
                )}
              </Stack>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              {writing ? (
                <Card withBorder radius="md" padding="lg" aria-label="New memo">
                  <Text fz="sm" fw={600} mb={6}>
                    A new memo on
                  </Text>
                  <MemoTargetPicker projectId={projectId} value={target} onChange={setTarget} />
                  <Space h="sm" />
                  <MemoForm
                    projectId={projectId}
                    target={target.kind === 'project' || target.id ? target : undefined}
                    onCancel={() => setWriting(false)}
                    onSaved={(memoId) => {
                      void reload();
                      select(memoId);
                    }}
                  />
                </Card>
              ) : selectedId ? (
                <MemoDetail key={selectedId} projectId={projectId} memoId={selectedId} />
              ) : (
                <Text c="dimmed" fz="sm" p="md">
                  Choose a memo to read it, edit it or link it to segments and other memos.
                </Text>
              )}
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </ProjectGate>
  );
}
