import { Badge, Button, Card, Center, Group, Loader, Pagination, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconDownload } from '@tabler/icons-react';
import { REVIEW_LOG_GROUP_LABELS } from '@weft/protocol';
import { useCallback, useEffect, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { type ReviewLogFilter, reportingApi } from '../reporting/reporting-api';
import { ReviewLogFilters } from '../reporting/review-log-filters';
import { useFollowVersion } from '../reporting/use-follow-version';
import { useReportingEvents } from '../reporting/use-reporting-events';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';
import { exactTime } from '../ui/time';

const PAGE = 100;
const LOG_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });
const logTime = (iso: string) => LOG_TIME.format(Date.parse(iso));

export function ReviewLogPage() {
  const { projectId } = useProject();
  const [filter, setFilter] = useState<ReviewLogFilter>({ types: [] });
  const [words, setWords] = useState('');
  const [q] = useDebouncedValue(words.trim(), 300);
  const [page, setPage] = useState(1);
  const [version, setVersion] = useState(0);
  const query: ReviewLogFilter = { ...filter, q: q || undefined };
  const key = JSON.stringify([projectId, query, page]);
  const log = useResource(key, () => reportingApi.reviewLog(projectId, query, (page - 1) * PAGE, PAGE));
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new filter starts at the first page
  useEffect(() => setPage(1), [filter, q]);
  useReportingEvents(useCallback(() => setVersion((v) => v + 1), []));
  useFollowVersion(version, log.reload);

  const total = log.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE));

  return (
    <ProjectGate>
      {() => (
        <Stack gap="lg">
          <PageHeader
            title="Review log"
            description="What was done in this review and when, for the methods section and an audit: searches and imports, deduplication, screening set-up and milestones, full-text retrieval, and the diagram’s settings. Single screening decisions are counted on the screening pages."
            actions={
              <Button
                component="a"
                href={reportingApi.reviewLogCsvUrl(projectId, query)}
                download
                size="xs"
                variant="default"
                leftSection={<IconDownload size={14} />}
              >
                CSV
              </Button>
            }
          />
          <ReviewLogFilters filter={filter} words={words} onFilter={setFilter} onWords={setWords} />
          <Card withBorder padding={0} radius="md">
            {log.error && !log.data ? (
              <LoadError error={log.error} what="the review log" onRetry={log.reload} />
            ) : !log.data ? (
              <Center py="xl">
                <Loader aria-label="Loading the review log" />
              </Center>
            ) : total === 0 ? (
              <Text c="dimmed" fz="sm" p="lg">
                Nothing in the log matches these filters.
              </Text>
            ) : (
              <Table striped highlightOnHover verticalSpacing="xs" aria-label="Review log">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th w={190}>When</Table.Th>
                    <Table.Th w={160}>Who</Table.Th>
                    <Table.Th>What</Table.Th>
                    <Table.Th w={190}>Kind</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {log.data.entries.map((entry) => (
                    <Table.Tr key={entry.seq}>
                      <Table.Td>
                        <Text fz="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} title={exactTime(entry.at)}>
                          {logTime(entry.at)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{entry.actorName}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text fz="sm">{entry.description}</Text>
                        {entry.detail && (
                          <Text fz="xs" c="dimmed">
                            {entry.detail}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Badge variant="light" color="gray" size="sm" tt="none" title={entry.eventType}>
                          {REVIEW_LOG_GROUP_LABELS[entry.group]}
                        </Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Card>
          <Group justify="space-between">
            <Text fz="xs" c="dimmed">
              {total} {total === 1 ? 'entry' : 'entries'}, oldest first
            </Text>
            {pages > 1 && <Pagination total={pages} value={page} onChange={setPage} size="sm" />}
          </Group>
        </Stack>
      )}
    </ProjectGate>
  );
}
