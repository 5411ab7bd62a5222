import {
  Anchor,
  Button,
  Card,
  Center,
  Checkbox,
  ColorSwatch,
  Group,
  Loader,
  SegmentedControl,
  Select,
  Stack,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowsSplit2, IconReplace } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import { useCallback, useMemo, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { codingApi } from '../api/coding';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { AnchorBadge } from '../codebook/anchor-badge';
import { NO_COLOUR } from '../codebook/code-row';
import { SEGMENT_CONTEXT_LABELS, type SegmentContext } from '../codebook/segment-context';
import { SegmentMemos } from '../codebook/segment-memos';
import { SegmentText } from '../codebook/segment-text';
import { SplitCodeModal } from '../codebook/split-code-modal';
import { allCodes, findCode } from '../codebook/tree-model';
import { isCodebookEvent, useCodebook } from '../codebook/use-codebook';
import { useCodebookCommands } from '../codebook/use-codebook-commands';
import { useProjectEvents } from '../live/use-project-events';
import { AnnotationPopover } from '../memos/annotation-popover';
import { memosApi } from '../memos/memos-api';
import { useMemoEvents } from '../memos/use-memo-events';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';
import { RelativeTime } from '../ui/relative-time';

const PAGE = 200;

/** The "open node" view: every passage coded with one code, across documents, with context. */
export function CodeSegmentsPage() {
  const { projectId, members } = useProject();
  const codeId = useParams().codeId ?? '';
  const navigate = useNavigate();
  const codebook = useCodebook(projectId);
  const segments = useResource(`${projectId}|${codeId}`, () => codingApi.segments(projectId, codeId));
  const { reload } = segments;
  useProjectEvents(
    useCallback(() => void reload(), [reload]),
    { relevant: isCodebookEvent, delayMs: 150, skipReplay: true },
  );
  const command = useCodebookCommands(projectId);
  const [chosen, setChosen] = useState<Set<string>>(() => new Set());
  const [shown, setShown] = useState(PAGE);
  const [splitting, setSplitting] = useState(false);
  const [recodeTo, setRecodeTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [context, setContext] = useState<SegmentContext>('paragraph');
  // Memos written on a segment appear beside it: one read of all segment memos, grouped.
  const segmentMemos = useResource(`${projectId}|segment-memos`, () =>
    memosApi.list(projectId, { targetKind: 'coding' }),
  );
  const reloadMemos = segmentMemos.reload;
  useMemoEvents(useCallback(() => void reloadMemos(), [reloadMemos]));
  const memosBySegment = useMemo(() => {
    const map = new Map<string, { id: string; title: string }[]>();
    for (const memo of segmentMemos.data?.memos ?? []) {
      if (memo.status !== 'active' || !memo.target.id) continue;
      map.set(memo.target.id, [...(map.get(memo.target.id) ?? []), { id: memo.id, title: memo.title }]);
    }
    return map;
  }, [segmentMemos.data]);
  const names = useMemo(() => new Map((members ?? []).map((m) => [m.userId, m.displayName])), [members]);

  const codes = codebook.data?.codes ?? [];
  const node = findCode(codes, codeId);
  const list = segments.data?.segments ?? [];
  const present = list.filter((s) => chosen.has(s.id));
  const targets = allCodes(codes)
    .filter(({ node: n }) => n.id !== codeId)
    .map(({ node: n, path }) => ({ value: n.id, label: path.join(' › ') }));

  const toggle = (id: string) =>
    setChosen((c) => {
      const next = new Set(c);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const recode = async () => {
    if (!recodeTo) return;
    setBusy(true);
    let moved = 0;
    try {
      for (const s of present) {
        await sendCommand('coding.recode', { codingId: s.id, codeId: recodeTo }, projectId);
        moved++;
      }
      notifications.show({
        color: 'teal',
        message: `${moved} coding${moved === 1 ? '' : 's'} moved to “${findCode(codes, recodeTo)?.name ?? ''}”.`,
      });
      setChosen(new Set());
      setRecodeTo(null);
    } catch (err) {
      notifications.show({
        color: 'red',
        title: `Stopped after ${moved} of ${present.length}`,
        message: errorMessage(err),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <ProjectGate>
      {(_project, role) => {
        const editable = mayDo(role, 'code.split');
        if (segments.error && !segments.data)
          return <LoadError error={segments.error} what="this code's segments" onRetry={segments.reload} />;
        if (!segments.data)
          return (
            <Center py="xl">
              <Loader aria-label="Loading segments" />
            </Center>
          );
        const { code } = segments.data;
        const documents = new Set(list.map((s) => s.documentId)).size;
        return (
          <Stack gap="md">
            <Anchor component={Link} to={`/projects/${projectId}/codebook?code=${codeId}`} fz="sm">
              <Group gap={4}>
                <IconArrowLeft size={14} /> Codebook
              </Group>
            </Anchor>
            <PageHeader
              title={
                <Group gap="sm" wrap="nowrap">
                  <ColorSwatch color={node?.colour ?? NO_COLOUR} size={18} withShadow={false} />
                  <span>{code.name}</span>
                </Group>
              }
              description={
                code.status === 'active'
                  ? `${list.length} segment${list.length === 1 ? '' : 's'} in ${documents} document${documents === 1 ? '' : 's'}.`
                  : `This code is ${code.status}; its segments are shown as they were.`
              }
            />
            {editable && code.status === 'active' && list.length > 0 && (
              <Card withBorder radius="md" padding="sm">
                <Group gap="sm" justify="space-between">
                  <Group gap="xs">
                    <Checkbox
                      aria-label="Choose all segments"
                      checked={present.length === list.length}
                      indeterminate={present.length > 0 && present.length < list.length}
                      onChange={() =>
                        setChosen(present.length === list.length ? new Set() : new Set(list.map((s) => s.id)))
                      }
                    />
                    <Text fz="sm">{present.length} chosen</Text>
                  </Group>
                  <Group gap="xs">
                    <Button
                      size="xs"
                      variant="default"
                      leftSection={<IconArrowsSplit2 size={14} />}
                      disabled={present.length === 0 || !node}
                      onClick={() => setSplitting(true)}
                    >
                      Split into new code…
                    </Button>
                    <Select
                      size="xs"
                      placeholder="Recode to…"
                      aria-label="Code to move the chosen segments to"
                      data={targets}
                      value={recodeTo}
                      onChange={setRecodeTo}
                      searchable
                      w={240}
                      comboboxProps={{ withinPortal: true }}
                    />
                    <Button
                      size="xs"
                      leftSection={<IconReplace size={14} />}
                      disabled={present.length === 0 || !recodeTo}
                      loading={busy}
                      onClick={() => void recode()}
                    >
                      Recode
                    </Button>
                  </Group>
                </Group>
              </Card>
            )}
            {list.length > 0 && (
              <Group gap="xs">
                <Text fz="sm" c="dimmed">
                  Context
                </Text>
                <SegmentedControl
                  size="xs"
                  aria-label="Context shown around each segment"
                  value={context}
                  onChange={(v) => setContext(v as SegmentContext)}
                  data={(Object.keys(SEGMENT_CONTEXT_LABELS) as SegmentContext[]).map((value) => ({
                    value,
                    label: SEGMENT_CONTEXT_LABELS[value],
                  }))}
                />
              </Group>
            )}
            {list.length === 0 ? (
              <Text c="dimmed" fz="sm">
                Nothing is coded with “{code.name}” yet.
              </Text>
            ) : (
              <Stack gap="sm" role="list" aria-label="Segments">
                {list.slice(0, shown).map((s) => (
                  <Card key={s.id} withBorder radius="md" padding="sm" role="listitem">
                    <Group justify="space-between" gap="xs" mb={6} wrap="nowrap">
                      <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
                        {editable && code.status === 'active' && (
                          <Checkbox
                            aria-label={`Choose “${s.exact.slice(0, 40)}”`}
                            checked={chosen.has(s.id)}
                            onChange={() => toggle(s.id)}
                          />
                        )}
                        <Anchor
                          component={Link}
                          to={`/projects/${projectId}/documents/${s.documentId}?coding=${s.id}`}
                          fz="sm"
                          fw={600}
                          truncate
                        >
                          {s.documentName}
                        </Anchor>
                        <AnchorBadge status={s.anchorStatus} score={s.score} />
                      </Group>
                      <Group gap={6} wrap="nowrap">
                        <Text fz="xs" c="dimmed">
                          {names.get(s.coderId) ?? 'a former member'}
                        </Text>
                        <RelativeTime iso={s.createdAt} />
                        <AnnotationPopover projectId={projectId} codingId={s.id} lazy />
                      </Group>
                    </Group>
                    <SegmentText segment={s} colour={node?.colour ?? null} context={context} />
                    <SegmentMemos projectId={projectId} memos={memosBySegment.get(s.id) ?? []} />
                  </Card>
                ))}
                {list.length > shown && (
                  <Button variant="subtle" onClick={() => setShown((n) => n + PAGE)}>
                    Show {Math.min(PAGE, list.length - shown)} more of {list.length - shown}
                  </Button>
                )}
              </Stack>
            )}
            {node && editable && (
              <SplitCodeModal
                opened={splitting}
                onClose={() => setSplitting(false)}
                projectId={projectId}
                source={node}
                codes={codes}
                preselected={present.map((s) => s.id)}
                command={command}
                onSplit={(newId) => {
                  setChosen(new Set());
                  navigate(`/projects/${projectId}/codes/${newId}`);
                }}
              />
            )}
          </Stack>
        );
      }}
    </ProjectGate>
  );
}
