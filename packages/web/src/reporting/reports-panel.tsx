import {
  ActionIcon,
  Badge,
  Button,
  Card,
  Center,
  Checkbox,
  Divider,
  Group,
  Loader,
  Menu,
  Pagination,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots, IconLink, IconUnlink } from '@tabler/icons-react';
import { mayDo, type Role } from '@weft/core';
import type { PrismaResponse, RecordView } from '@weft/protocol';
import { useEffect, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { LoadError } from '../ui/load-error';
import { RecordLine } from './record-line';
import { StudyBadge } from './study-note';
import { usePagedBoxRecords } from './use-paged-box-records';
import { type Retrieval, useReportStatus } from './use-report-status';

const PAGE = 20;
type Column = 'dbr_sought_reports' | 'other_sought_reports';

const RETRIEVAL_CHOICES = [
  { value: 'retrieved', label: 'Retrieved' },
  { value: 'not-retrieved', label: 'Not retrieved' },
  { value: 'unset', label: 'Not marked' },
];

/**
 * The reports sought for retrieval: whether each full text was found (PRISMA's "reports not
 * retrieved"), and which reports belong to one study (PRISMA counts studies and reports apart).
 */
export function ReportsPanel({
  projectId,
  role,
  flow,
  version,
  onChanged,
}: {
  projectId: string;
  role: Role;
  flow: PrismaResponse;
  version: number;
  onChanged: () => void;
}) {
  const [column, setColumn] = useState<Column>('dbr_sought_reports');
  const [page, setPage] = useState(1);
  const [selected, setSelected] = useState<Map<string, RecordView>>(new Map());
  const [studyRecordId, setStudyRecordId] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const mayEdit = mayDo(role, 'report.set-retrieval');
  const hasUnknown = flow.warnings.some((w) => w.code === 'reports-retrieval-unknown');
  const records = usePagedBoxRecords(projectId, column, undefined, page, version, PAGE);
  const status = useReportStatus(projectId, version, hasUnknown);
  // biome-ignore lint/correctness/useExhaustiveDependencies: another column starts at its first page
  useEffect(() => setPage(1), [column]);

  const run = async (label: string, action: () => Promise<unknown>, done?: string) => {
    setBusy(label);
    try {
      await action();
      if (done) notifications.show({ color: 'teal', message: done });
      onChanged();
    } catch (err) {
      notifications.show({ color: 'red', title: 'Not saved', message: errorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const setRetrieval = (recordId: string, value: Retrieval) =>
    run(`retrieval:${recordId}`, () =>
      sendCommand(
        'report.set-retrieval',
        { recordId, retrieval: value === 'unset' ? null : value, note: '' },
        projectId,
      ),
    );

  const link = () => {
    const ids = [...selected.keys()];
    const named = studyRecordId && selected.has(studyRecordId) ? studyRecordId : ids[0];
    if (!named) return;
    return run(
      'link',
      async () => {
        await sendCommand('report.link-study', { recordIds: ids, studyRecordId: named }, projectId);
        setSelected(new Map());
        setStudyRecordId(null);
      },
      `${ids.length} reports linked as one study`,
    );
  };

  const toggle = (view: RecordView, on: boolean) =>
    setSelected((current) => {
      const next = new Map(current);
      if (on) next.set(view.id, view);
      else next.delete(view.id);
      return next;
    });

  const total = records.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const hasOther = flow.counts.other_sought_reports > 0;

  return (
    <Card withBorder padding="lg" radius="md" component="section" aria-labelledby="reports-heading">
      <Stack gap="md">
        <Group justify="space-between" align="flex-end">
          <Stack gap={2}>
            <Title order={2} fz="lg" id="reports-heading">
              Reports
            </Title>
            <Text fz="sm" c="dimmed">
              Reports sought for retrieval: mark whether the full text was found, and link several reports of
              one study.
            </Text>
          </Stack>
          {hasOther && (
            <SegmentedControl
              value={column}
              onChange={(value) => setColumn(value as Column)}
              data={[
                {
                  value: 'dbr_sought_reports',
                  label: `Databases and registers (${flow.counts.dbr_sought_reports})`,
                },
                {
                  value: 'other_sought_reports',
                  label: `Other methods (${flow.counts.other_sought_reports})`,
                },
              ]}
            />
          )}
        </Group>
        {mayEdit && selected.size > 0 && (
          <Group gap="sm" p="sm" bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }}>
            <Text fz="sm" fw={500}>
              {selected.size} selected
            </Text>
            <Select
              size="xs"
              aria-label="The report the study is named after"
              placeholder="Study named after…"
              value={studyRecordId}
              onChange={setStudyRecordId}
              data={[...selected.values()].map((v) => ({
                value: v.id,
                label: (v.record.title ?? '(no title)').slice(0, 70),
              }))}
              w={320}
            />
            <Button
              size="xs"
              leftSection={<IconLink size={14} />}
              disabled={selected.size < 2}
              loading={busy === 'link'}
              onClick={() => void link()}
            >
              Link as one study
            </Button>
            <Button size="xs" variant="subtle" onClick={() => setSelected(new Map())}>
              Clear
            </Button>
          </Group>
        )}
        {records.error ? (
          <LoadError error={records.error} what="the reports" onRetry={records.reload} />
        ) : !records.data ? (
          <Center py="md">
            <Loader size="sm" aria-label="Loading reports" />
          </Center>
        ) : total === 0 ? (
          <Text fz="sm" c="dimmed">
            No report is sought yet: records that pass title and abstract screening become reports to
            retrieve.
          </Text>
        ) : (
          <Stack gap="xs" data-testid="reports-list">
            {records.data.records.map((view) => {
              const current = status.data?.get(view.id) ?? 'retrieved';
              // Only a report that shares its study with others can be taken out of it.
              const study = records.data?.studies?.[view.id];
              return (
                <div key={view.id}>
                  <Group wrap="nowrap" align="center" gap="sm">
                    {mayEdit && (
                      <Checkbox
                        aria-label={`Select “${view.record.title ?? 'report'}” to link`}
                        checked={selected.has(view.id)}
                        onChange={(event) => toggle(view, event.currentTarget.checked)}
                      />
                    )}
                    <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
                      <RecordLine view={view} />
                      {study && (
                        <div>
                          <StudyBadge study={study} recordId={view.id} />
                        </div>
                      )}
                    </Stack>
                    {mayEdit ? (
                      <SegmentedControl
                        size="xs"
                        aria-label="Full text"
                        disabled={busy === `retrieval:${view.id}` || !status.data}
                        value={current}
                        onChange={(value) => void setRetrieval(view.id, value as Retrieval)}
                        data={RETRIEVAL_CHOICES}
                        color={
                          current === 'not-retrieved' ? 'orange' : current === 'retrieved' ? 'teal' : 'gray.6'
                        }
                      />
                    ) : (
                      <Badge variant="light" color={current === 'not-retrieved' ? 'orange' : 'gray'}>
                        {RETRIEVAL_CHOICES.find((c) => c.value === current)?.label}
                      </Badge>
                    )}
                    {mayEdit && study ? (
                      <Menu position="bottom-end" withinPortal>
                        <Menu.Target>
                          <ActionIcon variant="subtle" color="gray" aria-label="More actions for this report">
                            <IconDots size={16} />
                          </ActionIcon>
                        </Menu.Target>
                        <Menu.Dropdown>
                          <Menu.Item
                            leftSection={<IconUnlink size={14} />}
                            onClick={() =>
                              void run(
                                `unlink:${view.id}`,
                                () => sendCommand('report.unlink-study', { recordId: view.id }, projectId),
                                'Report taken out of its study',
                              )
                            }
                          >
                            Take out of its study
                          </Menu.Item>
                        </Menu.Dropdown>
                      </Menu>
                    ) : mayEdit ? (
                      // Keeps the retrieval controls of every row in one column.
                      <div style={{ width: 28, flexShrink: 0 }} />
                    ) : null}
                  </Group>
                  <Divider mt="xs" />
                </div>
              );
            })}
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
