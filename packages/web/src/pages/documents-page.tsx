import { Anchor, Badge, Button, Card, Center, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { IconAdjustmentsHorizontal, IconFileText, IconFolder } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import type { DocumentSummary } from '@weft/protocol';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { codingApi } from '../api/coding';
import { useResource } from '../api/use-resource';
import { DocumentProperties } from '../cases/document-properties';
import { DocumentUpload } from '../coding/document-upload';
import { useProjectEvents } from '../live/use-project-events';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';
import { RelativeTime } from '../ui/relative-time';

const KIND_LABELS: Record<string, string> = {
  text: 'Text',
  markdown: 'Markdown',
  docx: 'Word',
  html: 'HTML',
  pdf: 'PDF',
  transcript: 'Transcript',
};

/** /projects/:projectId/documents — the documents to code, by folder, and adding more. */
export function DocumentsPage() {
  const { projectId, role } = useProject();
  const resource = useResource(projectId, () => codingApi.documents(projectId));
  const [properties, setProperties] = useState<string | null>(null);
  useProjectEvents(() => void resource.reload(), {
    relevant: (t) =>
      t.startsWith('document.') || t.startsWith('coding.') || t === 'code.merged' || t === 'code.deleted',
    delayMs: 300,
    skipReplay: true,
  });

  const folders = useMemo(() => {
    const groups = new Map<string, DocumentSummary[]>();
    for (const d of resource.data?.documents ?? []) {
      const list = groups.get(d.folder) ?? [];
      list.push(d);
      groups.set(d.folder, list);
    }
    return [...groups.entries()]
      .sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b)))
      .map(([folder, docs]) => [folder, docs.sort((x, y) => x.name.localeCompare(y.name))] as const);
  }, [resource.data]);

  return (
    <ProjectGate>
      {() => (
        <>
          <PageHeader
            title="Documents"
            description="Full texts, extracted findings and interview transcripts to code. Open one to code it; edits make new versions and codings move with the text."
          />
          <Stack gap="lg">
            {mayDo(role, 'document.add') && (
              <DocumentUpload projectId={projectId} onAdded={() => void resource.reload()} />
            )}
            {resource.error !== undefined && !resource.data ? (
              <LoadError error={resource.error} what="the documents" onRetry={resource.reload} />
            ) : !resource.data ? (
              <Center py="xl">
                <Loader aria-label="Loading documents" />
              </Center>
            ) : resource.data.documents.length === 0 ? (
              <Card withBorder radius="md" p="xl" data-testid="documents-empty">
                <Stack align="center" gap="xs" ta="center">
                  <IconFileText size={40} stroke={1.4} color="var(--mantine-color-dimmed)" />
                  <Title order={2} fz="h4">
                    No documents yet
                  </Title>
                  <Text c="dimmed" fz="sm" maw={480}>
                    Add the full texts of included studies, extracted findings or interview transcripts above.
                  </Text>
                </Stack>
              </Card>
            ) : (
              folders.map(([folder, docs]) => (
                <Stack key={folder} gap={6}>
                  <Text
                    fw={600}
                    fz="sm"
                    c="dimmed"
                    style={{ display: 'flex', alignItems: 'center', gap: 6 }}
                    data-testid="document-folder"
                  >
                    <IconFolder size={16} /> {folder || 'No folder'}
                    <Badge size="xs" variant="light" color="gray">
                      {docs.length}
                    </Badge>
                  </Text>
                  <Card withBorder radius="md" p={0}>
                    <Table
                      highlightOnHover
                      verticalSpacing="xs"
                      horizontalSpacing="md"
                      aria-label={folder || 'No folder'}
                    >
                      <Table.Thead>
                        <Table.Tr>
                          <Table.Th>Name</Table.Th>
                          <Table.Th w={140}>Kind</Table.Th>
                          <Table.Th w={90}>Version</Table.Th>
                          <Table.Th w={100} ta="right">
                            Codings
                          </Table.Th>
                          <Table.Th w={140}>Added</Table.Th>
                          <Table.Th w={130} />
                        </Table.Tr>
                      </Table.Thead>
                      <Table.Tbody>
                        {docs.map((d) => (
                          <Table.Tr key={d.id}>
                            <Table.Td>
                              <Anchor
                                component={Link}
                                to={`/projects/${projectId}/documents/${d.id}`}
                                fw={500}
                              >
                                {d.name}
                              </Anchor>
                            </Table.Td>
                            <Table.Td>
                              <Badge variant="light" color="gray" size="sm">
                                {KIND_LABELS[d.kind] ?? d.kind}
                              </Badge>
                            </Table.Td>
                            <Table.Td>v{d.currentVersion}</Table.Td>
                            <Table.Td ta="right" ff="monospace">
                              {d.codingCount}
                            </Table.Td>
                            <Table.Td>
                              <RelativeTime iso={d.createdAt} />
                            </Table.Td>
                            <Table.Td>
                              <Button
                                size="compact-xs"
                                variant="subtle"
                                leftSection={<IconAdjustmentsHorizontal size={14} />}
                                onClick={() => setProperties(d.id)}
                                aria-label={`Properties of ${d.name}`}
                              >
                                Properties
                              </Button>
                            </Table.Td>
                          </Table.Tr>
                        ))}
                      </Table.Tbody>
                    </Table>
                  </Card>
                </Stack>
              ))
            )}
          </Stack>
          {properties && (
            <DocumentProperties
              projectId={projectId}
              documentId={properties}
              opened
              onClose={() => {
                setProperties(null);
                void resource.reload();
              }}
            />
          )}
        </>
      )}
    </ProjectGate>
  );
}
