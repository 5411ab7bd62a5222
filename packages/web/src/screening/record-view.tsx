import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ScreeningRecordView } from '@weft/protocol';
import { useMemo } from 'react';
import { abstractSections } from './abstract-sections';
import { compileKeywords } from './highlight-keywords';
import { HighlightedText } from './highlighted-text';

const AUTHORS_SHOWN = 8;

function authorLine(authors: string[]): string {
  if (authors.length === 0) return 'No authors listed';
  if (authors.length <= AUTHORS_SHOWN) return authors.join('; ');
  return `${authors.slice(0, AUTHORS_SHOWN).join('; ')}; … (${authors.length} authors)`;
}

/** One record as a reviewer reads it: title, authors, journal and year, abstract, keywords. */
export function RecordView({
  record,
  includeKeywords,
  excludeKeywords,
  showDual = false,
}: {
  record: ScreeningRecordView;
  includeKeywords: string[];
  excludeKeywords: string[];
  /** Mark records of the dual-screened sample (sample mode; in dual mode every record is). */
  showDual?: boolean;
}) {
  const keywords = useMemo(
    () => compileKeywords(includeKeywords, excludeKeywords),
    [includeKeywords, excludeKeywords],
  );
  const doiUrl = record.doi ? `https://doi.org/${record.doi}` : null;
  return (
    <Paper withBorder radius="md" p="xl" data-testid="screening-record" data-record-id={record.recordId}>
      <Stack gap="md">
        <Stack gap={6}>
          <Title order={2} fz={21} lh={1.35} fw={650} data-testid="screening-title">
            <HighlightedText text={record.title || '(no title)'} keywords={keywords} />
          </Title>
          <Text fz="sm" c="dimmed" lh={1.5}>
            {authorLine(record.authors)}
          </Text>
          <Group gap="xs" fz="sm">
            {record.container && (
              <Text fz="sm" fs="italic">
                {record.container}
              </Text>
            )}
            {record.year !== null && (
              <Text fz="sm" fw={600}>
                {record.year}
              </Text>
            )}
            {doiUrl && (
              <Anchor href={doiUrl} target="_blank" rel="noreferrer" fz="sm">
                doi:{record.doi}
              </Anchor>
            )}
            {record.pmid && (
              <Anchor
                href={`https://pubmed.ncbi.nlm.nih.gov/${record.pmid}/`}
                target="_blank"
                rel="noreferrer"
                fz="sm"
              >
                PMID {record.pmid}
              </Anchor>
            )}
            {showDual && record.dual && (
              <Badge size="sm" variant="outline" color="grape">
                Dual screened
              </Badge>
            )}
          </Group>
        </Stack>
        {record.abstract ? (
          <Stack gap={10} maw="72ch" data-testid="screening-abstract">
            {abstractSections(record.abstract).map((section, index) => (
              <Text
                // biome-ignore lint/suspicious/noArrayIndexKey: sections of one abstract, in order
                key={index}
                fz={16}
                lh={1.7}
                style={{ whiteSpace: 'pre-line', color: 'var(--mantine-color-dark-7)' }}
              >
                {section.heading && (
                  <Text
                    span
                    fz={12}
                    fw={700}
                    tt="uppercase"
                    c="dimmed"
                    mr={8}
                    style={{ letterSpacing: '0.05em' }}
                  >
                    {section.heading}
                  </Text>
                )}
                <HighlightedText text={section.text} keywords={keywords} />
              </Text>
            ))}
          </Stack>
        ) : (
          <Text fz="sm" c="dimmed" fs="italic">
            No abstract in the imported record.
          </Text>
        )}
        {record.keywords.length > 0 && (
          <Group gap={6}>
            <Text fz="xs" fw={700} tt="uppercase" c="dimmed" mr={4}>
              Keywords
            </Text>
            {record.keywords.map((keyword) => (
              <Badge key={keyword} variant="default" tt="none" fw={500} radius="sm">
                <HighlightedText text={keyword} keywords={keywords} />
              </Badge>
            ))}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
