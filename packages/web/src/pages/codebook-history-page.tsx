import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Grid,
  Group,
  Loader,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconArrowLeft } from '@tabler/icons-react';
import type { CodebookHistoryEntry } from '@weft/protocol';
import { useCallback, useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useResource } from '../api/use-resource';
import { codebookApi } from '../codebook/codebook-api';
import { CodebookTree } from '../codebook/codebook-tree';
import { isCodebookEvent, useCodebook } from '../codebook/use-codebook';
import { useProjectEvents } from '../live/use-project-events';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';
import { exactTime } from '../ui/time';

const WHEN = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** A datetime-local value (local time, minutes) for an ISO time, and back. */
const toLocalInput = (iso: string) => {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
};
const fromLocalInput = (value: string) => {
  const t = Date.parse(value);
  return Number.isNaN(t) ? null : new Date(t).toISOString();
};

/** "How codes developed": every codebook change with who and when, and the codebook as of a time. */
export function CodebookHistoryPage() {
  const { projectId } = useProject();
  const history = useResource(projectId, () => codebookApi.history(projectId));
  const { reload } = history;
  useProjectEvents(
    useCallback(() => void reload(), [reload]),
    { relevant: isCodebookEvent, delayMs: 300, skipReplay: true },
  );
  const [params, setParams] = useSearchParams();
  const asOf = params.get('asOf') ?? undefined;
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const past = useCodebook(projectId, asOf);
  const setAsOf = (iso: string | null, seq: number | null = null) => {
    setSelectedSeq(seq);
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (iso) next.set('asOf', iso);
        else next.delete('asOf');
        return next;
      },
      { replace: true },
    );
  };
  const entries = history.data?.entries ?? [];
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const words = filter.trim().toLowerCase();
    return words
      ? entries.filter((e) => `${e.actorName} ${e.summary}`.toLowerCase().includes(words))
      : entries;
  }, [entries, filter]);

  return (
    <ProjectGate>
      {() => (
        <Stack gap="md">
          <Anchor component={Link} to={`/projects/${projectId}/codebook`} fz="sm">
            <Group gap={4}>
              <IconArrowLeft size={14} /> Codebook
            </Group>
          </Anchor>
          <PageHeader
            title="How the codes developed"
            description="Every change to the codebook, with who made it and when. Choose a change, or a date and time, to see the codebook as it stood then."
          />
          <Grid gap="lg" align="flex-start">
            <Grid.Col span={{ base: 12, md: 7 }}>
              <Card withBorder radius="md" padding="sm">
                <Group justify="space-between" mb="xs" px={4}>
                  <Title order={2} fz="sm">
                    Changes, newest first
                  </Title>
                  <TextInput
                    size="xs"
                    placeholder="Filter by code or person"
                    aria-label="Filter changes"
                    value={filter}
                    onChange={(e) => setFilter(e.currentTarget.value)}
                    w={220}
                  />
                </Group>
                {history.error && !history.data ? (
                  <LoadError error={history.error} what="the codebook history" onRetry={history.reload} />
                ) : !history.data ? (
                  <Center py="lg">
                    <Loader size="sm" aria-label="Loading the history" />
                  </Center>
                ) : shown.length === 0 ? (
                  <Text c="dimmed" fz="sm" p="xs">
                    {entries.length === 0 ? 'The codebook has not been changed yet.' : 'No change matches.'}
                  </Text>
                ) : (
                  <Stack gap={2} role="list" aria-label="Codebook changes">
                    {shown.map((entry) => (
                      <HistoryRow
                        key={entry.seq}
                        entry={entry}
                        selected={entry.seq === selectedSeq}
                        onShow={() => setAsOf(entry.at, entry.seq)}
                      />
                    ))}
                  </Stack>
                )}
              </Card>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 5 }}>
              <Card withBorder radius="md" padding="sm">
                <Stack gap="xs">
                  <Group justify="space-between" align="flex-end" px={4}>
                    <TextInput
                      type="datetime-local"
                      size="xs"
                      label="Codebook as of"
                      value={asOf ? toLocalInput(asOf) : ''}
                      onChange={(e) => setAsOf(fromLocalInput(e.currentTarget.value))}
                    />
                    <Button size="xs" variant="subtle" disabled={!asOf} onClick={() => setAsOf(null)}>
                      Now
                    </Button>
                  </Group>
                  <Text fz="xs" c="dimmed" px={4}>
                    {asOf ? `As it stood at ${exactTime(asOf)} (read only).` : 'As it is now (read only).'}
                  </Text>
                  {past.error && !past.data ? (
                    <LoadError error={past.error} what="the codebook" onRetry={past.reload} />
                  ) : !past.data ? (
                    <Center py="lg">
                      <Loader size="sm" aria-label="Loading the codebook" />
                    </Center>
                  ) : (
                    <CodebookTree projectId={projectId} codes={past.data.codes} editable={false} dense />
                  )}
                </Stack>
              </Card>
            </Grid.Col>
          </Grid>
        </Stack>
      )}
    </ProjectGate>
  );
}

function HistoryRow({
  entry,
  selected,
  onShow,
}: {
  entry: CodebookHistoryEntry;
  selected: boolean;
  onShow: () => void;
}) {
  return (
    <Group
      role="listitem"
      justify="space-between"
      gap="sm"
      wrap="nowrap"
      px={6}
      py={6}
      style={{
        borderRadius: 'var(--mantine-radius-sm)',
        background: selected ? 'var(--mantine-primary-color-light)' : undefined,
      }}
    >
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text fz="sm">
          <b>{entry.actorName}</b> {entry.summary}
          {entry.undoStep && (
            <Badge ml={6} size="xs" variant="light" color="gray">
              {entry.undoStep}
            </Badge>
          )}
        </Text>
        <Text fz="xs" c="dimmed" title={exactTime(entry.at)}>
          {WHEN.format(Date.parse(entry.at))}
        </Text>
      </Stack>
      <Button
        size="compact-xs"
        variant="subtle"
        style={{ flexShrink: 0 }}
        onClick={onShow}
        aria-label={`Show the codebook after: ${entry.summary}`}
      >
        Show then
      </Button>
    </Group>
  );
}
