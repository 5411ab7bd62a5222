import { ActionIcon, Button, Group, Popover, Select, Stack, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import type { ReportFilesResponse } from '@weft/protocol';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';
import { screeningApi } from '../api/screening';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';

type Study = NonNullable<ReportFilesResponse['study']>;

const label = (r: { title: string; year: number | null }) =>
  `${r.title || '(no title)'}${r.year ? ` (${r.year})` : ''}`;

/**
 * The study this record's report belongs to: its other reports (PRISMA 2020 counts studies and
 * reports apart), linking this one to another record's study, and taking it out again.
 */
export function StudyLinks({
  recordId,
  stageId,
  study,
  editable,
  onChange,
}: {
  recordId: string;
  /** The stage whose records are searched for the other report. */
  stageId: string;
  study: Study;
  editable: boolean;
  onChange: () => void;
}) {
  const { projectId } = useProject();
  const [open, setOpen] = useState(false);
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [other, setOther] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const found = useResource(open && q.length >= 2 ? `${stageId}|study|${q}` : null, () =>
    screeningApi.records(projectId, stageId, { q, limit: 20 }),
  );
  const others = study.reports.filter((r) => r.recordId !== recordId);
  const options = (found.data?.items ?? [])
    .filter((i) => i.record.recordId !== recordId && !others.some((o) => o.recordId === i.record.recordId))
    .map((i) => ({ value: i.record.recordId, label: label(i.record) }));

  const run = async (what: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await what();
      notifications.show({ color: 'teal', message: done });
      setOpen(false);
      setOther(null);
      onChange();
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Group gap={6} wrap="nowrap" data-testid="study-links">
      <Text fz="xs" c="dimmed" lineClamp={1} style={{ flex: 1 }}>
        {others.length === 0
          ? 'A study of its own (one report).'
          : `Same study as: ${others.map(label).join('; ')}`}
      </Text>
      {editable && others.length > 0 && (
        <Tooltip label="Take this report out of the study">
          <ActionIcon
            variant="subtle"
            color="gray"
            size="sm"
            aria-label="Take this report out of the study"
            loading={busy}
            onClick={() =>
              void run(
                () => sendCommand('report.unlink-study', { recordId }, projectId),
                'The report is a study of its own again.',
              )
            }
          >
            <IconUnlink size={15} />
          </ActionIcon>
        </Tooltip>
      )}
      {editable && (
        <Popover opened={open} onChange={setOpen} width={420} position="bottom-end" withArrow trapFocus>
          <Popover.Target>
            <Button
              size="compact-xs"
              variant="subtle"
              leftSection={<IconLink size={13} />}
              onClick={() => setOpen((o) => !o)}
            >
              Same study as…
            </Button>
          </Popover.Target>
          <Popover.Dropdown>
            <Stack gap="xs">
              <Text fz="xs" c="dimmed">
                Another report (article) of the same study: PRISMA counts the study once and both reports.
              </Text>
              <Select
                aria-label="Other report of this study"
                placeholder="Search records by title…"
                searchable
                searchValue={search}
                onSearchChange={setSearch}
                filter={({ options: shown }) => shown}
                nothingFoundMessage={q.length >= 2 ? 'No record matches' : 'Type two letters or more'}
                data={options}
                value={other}
                onChange={setOther}
                comboboxProps={{ withinPortal: false }}
              />
              <Button
                size="xs"
                disabled={!other}
                loading={busy}
                onClick={() =>
                  other &&
                  void run(
                    () =>
                      sendCommand(
                        'report.link-study',
                        {
                          recordIds: [study.studyId, recordId, other].filter(
                            (id, i, all) => all.indexOf(id) === i,
                          ),
                          studyRecordId: study.studyId,
                        },
                        projectId,
                      ),
                    'Linked as reports of one study.',
                  )
                }
              >
                Link as one study
              </Button>
            </Stack>
          </Popover.Dropdown>
        </Popover>
      )}
    </Group>
  );
}
