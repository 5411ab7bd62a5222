import { Box, Button, Card, Center, Grid, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconHistory } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { CodePane } from '../codebook/code-pane';
import { CodebookExchange } from '../codebook/codebook-exchange';
import { CodebookTree } from '../codebook/codebook-tree';
import { InactiveCodes } from '../codebook/inactive-codes';
import { findCode } from '../codebook/tree-model';
import { useCodebook } from '../codebook/use-codebook';
import { useCodebookCommands } from '../codebook/use-codebook-commands';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

export function CodebookPage() {
  const { projectId } = useProject();
  const codebook = useCodebook(projectId);
  const command = useCodebookCommands(projectId);
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const selectedId = params.get('code');
  const select = (codeId: string | null) =>
    setParams(
      (p) => {
        const next = new URLSearchParams(p);
        if (codeId) next.set('code', codeId);
        else next.delete('code');
        return next;
      },
      { replace: true },
    );
  const base = `/projects/${projectId}`;

  return (
    <ProjectGate>
      {(_project, role) => {
        const editable = mayDo(role, 'code.create');
        const codes = codebook.data?.codes ?? [];
        const selected = selectedId ? findCode(codes, selectedId) : undefined;
        return (
          <Stack gap="lg">
            <PageHeader
              title="Codebook"
              description="The codes of this project and their guidance. Drag codes to reorder or nest them, or use Alt+arrow keys; every change is recorded and can be undone."
              actions={
                <>
                  <Button
                    component={Link}
                    to={`${base}/codebook/history`}
                    size="xs"
                    variant="default"
                    leftSection={<IconHistory size={14} />}
                  >
                    History
                  </Button>
                  <Button
                    component={Link}
                    to={`${base}/codebook/orphans`}
                    size="xs"
                    variant="default"
                    leftSection={<IconAlertTriangle size={14} />}
                  >
                    Lost codings
                  </Button>
                  <CodebookExchange projectId={projectId} editable={mayDo(role, 'codebook.import')} />
                </>
              }
            />
            {codebook.error && !codebook.data ? (
              <LoadError error={codebook.error} what="the codebook" onRetry={codebook.reload} />
            ) : !codebook.data ? (
              <Center py="xl">
                <Loader aria-label="Loading the codebook" />
              </Center>
            ) : (
              <Grid gap="lg" align="flex-start">
                <Grid.Col span={{ base: 12, md: 5 }}>
                  <Stack gap="lg">
                    <Card withBorder radius="md" padding="sm">
                      <Group justify="space-between" mb="xs" px={4}>
                        <Title order={2} fz="sm">
                          Codes
                        </Title>
                        <Text fz="xs" c="dimmed">
                          codings
                        </Text>
                      </Group>
                      <CodebookTree
                        projectId={projectId}
                        codes={codes}
                        selectedCodeId={selected?.id ?? null}
                        onSelect={select}
                        onOpen={(codeId) => navigate(`${base}/codes/${codeId}`)}
                        editable={editable}
                      />
                    </Card>
                    <Card withBorder radius="md" padding="sm">
                      <Title order={2} fz="sm" mb="xs" px={4}>
                        Deleted and merged
                      </Title>
                      <Box px={4}>
                        <InactiveCodes
                          inactive={codebook.data.inactive}
                          editable={editable}
                          command={command}
                        />
                      </Box>
                    </Card>
                  </Stack>
                </Grid.Col>
                <Grid.Col span={{ base: 12, md: 7 }}>
                  <Card withBorder radius="md" padding="md">
                    {selected ? (
                      <CodePane
                        key={selected.id}
                        projectId={projectId}
                        codes={codes}
                        node={selected}
                        editable={editable}
                        command={command}
                        onSelect={select}
                      />
                    ) : (
                      <Text c="dimmed" fz="sm">
                        {codes.length === 0
                          ? editable
                            ? 'Start the codebook with “New code”, or import one from a CSV or Markdown file.'
                            : 'This project has no codes yet.'
                          : 'Choose a code to see and edit its guidance.'}
                      </Text>
                    )}
                  </Card>
                </Grid.Col>
              </Grid>
            )}
          </Stack>
        );
      }}
    </ProjectGate>
  );
}
