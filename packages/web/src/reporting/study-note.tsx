import { Badge, Stack, Text } from '@mantine/core';
import type { ReportStudyView } from '@weft/protocol';

const shorten = (title: string | null, max = 60) => {
  const text = title || '(no title)';
  return text.length > max ? `${text.slice(0, max).replace(/\s+\S*$/, '')}…` : text;
};

/**
 * Which study a report belongs to, when it shares it with other reports: PRISMA counts studies
 * and reports apart, so the list says which reports make one study.
 */
export function StudyBadge({ study, recordId }: { study: ReportStudyView; recordId: string }) {
  const primary = study.studyId === recordId;
  return (
    <Badge
      variant="light"
      color={primary ? 'indigo' : 'grape'}
      size="sm"
      radius="sm"
      tt="none"
      title={study.reports.map((r) => r.title || '(no title)').join('\n')}
      style={{ maxWidth: '100%' }}
    >
      {primary
        ? `Study named after this report (${study.reports.length} reports)`
        : `Study: ${shorten(study.title, 48)} (${study.reports.length} reports)`}
    </Badge>
  );
}

/** Under a study's line: its other reports (the line itself is the report the study is named after). */
export function StudyOtherReports({ study }: { study: ReportStudyView }) {
  const others = study.reports.filter((r) => r.id !== study.studyId);
  if (others.length === 0) return null;
  return (
    <Stack gap={0} pl="md" mt={4} style={{ borderLeft: '2px solid var(--mantine-color-gray-3)' }}>
      <Text fz="xs" c="dimmed">
        Also reported in:
      </Text>
      {others.map((r) => (
        <Text key={r.id} fz="xs" lineClamp={1}>
          {r.title || '(no title)'}
        </Text>
      ))}
    </Stack>
  );
}
