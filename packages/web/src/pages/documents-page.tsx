import {
  Anchor,
  Badge,
  Button,
  Card,
  Center,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import {
  IconAdjustmentsHorizontal,
  IconChevronDown,
  IconChevronRight,
  IconFileText,
  IconFolder,
} from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { codingApi } from '../api/coding';
import { useResource } from '../api/use-resource';
import { DocumentProperties } from '../cases/document-properties';
import { DocumentUpload } from '../coding/document-upload';
import { folderTree } from '../coding/folder-tree';
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

  const folders = useMemo(() => folderTree(resource.data?.documents ?? []), [resource.data]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const toggle = (path: string) =>
    setCollapsed((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  // A collapsed folder hides its documents and every folder below it.
  const hidden = (path: string) =>
    [...collapsed].some((closed) => closed !== '' && path.startsWith(`${closed}/`));

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
              folders
                .filter((node) => !hidden(node.path))
                .map(({ path, name, depth, items: docs, total }) => (
                  <Stack key={path} gap={6} pl={depth * 24}>
                    <UnstyledButton
                      onClick={() => toggle(path)}
                      aria-expanded={!collapsed.has(path)}
                      aria-label={`${collapsed.has(path) ? 'Open' : 'Close'} folder ${path || 'No folder'}`}
                    >
                      <Text
                        fw={600}
                        fz="sm"
                        c="dimmed"
                        style={{ display: 'flex', alignItems: 'center', gap: 6 }}
                        data-testid="document-folder"
                        title={path || undefined}
                      >
                        {collapsed.has(path) ? <IconChevronRight size={14} /> : <IconChevronDown size={14} />}
                        <IconFolder size={16} /> {name || 'No folder'}
                        <Badge size="xs" variant="light" color="gray">
                          {total}
                        </Badge>
                      </Text>
                    </UnstyledButton>
                    {docs.length > 0 && !collapsed.has(path) && (
                      <Card withBorder radius="md" p={0}>
                        <Table
                          highlightOnHover
                          verticalSpacing="xs"
                          horizontalSpacing="md"
                          aria-label={path || 'No folder'}
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
                    )}
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
