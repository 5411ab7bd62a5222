import { Alert, Button, Card, Group, Loader, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconFileImport, IconTable } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { sendCommand } from '../api/commands';
import { identificationApi } from '../api/identification';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { IdentificationSummary } from '../identification/identification-summary';
import { ImportWizard } from '../identification/import-wizard';
import { SearchesTable } from '../identification/searches-table';
import { useIdentificationEvents } from '../identification/use-identification-events';
import { can } from '../project/permissions';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

export function IdentificationPage() {
  const { projectId } = useProject();
  const counts = useResource(projectId, () => identificationApi.counts(projectId));
  const searches = useResource(projectId, () => identificationApi.searches(projectId));
  const [importing, setImporting] = useState(false);
  const [finding, setFinding] = useState(false);

  const refresh = () => {
    void counts.reload();
    void searches.reload();
  };
  useIdentificationEvents(refresh);

  const findDuplicates = async () => {
    setFinding(true);
    try {
      const { result } = await sendCommand('dedup.run', {}, projectId);
      notifications.show({
        color: 'teal',
        title: 'Duplicates found',
        message: `Compared ${result.recordsCompared.toLocaleString()} records: ${result.recordsMergedAutomatically} merged automatically, ${result.pairsQueued} ${result.pairsQueued === 1 ? 'pair' : 'pairs'} to review.`,
      });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Duplicates not searched', message: errorMessage(error) });
    } finally {
      setFinding(false);
      refresh();
    }
  };

  return (
    <ProjectGate>
      {(project, role) => {
        const mayImport = can(role, 'identification.import');
        const mayEditSearch = mayDo(role, 'search.update');
        const mayFind = can(role, 'duplicates.find');
        const data = counts.data;
        return (
          <>
            <PageHeader
              title="Identification"
              description={`The searches behind “${project.name}”, the records they brought in, and the duplicates removed: the identification box of the PRISMA 2020 flow diagram.`}
              actions={
                mayImport || mayFind ? (
                  <>
                    {mayFind && (
                      <Button
                        variant="default"
                        leftSection={<IconCopy size={16} />}
                        loading={finding}
                        disabled={!data || data.identified === 0}
                        onClick={() => void findDuplicates()}
                      >
                        Find duplicates
                      </Button>
                    )}
                    {mayImport && (
                      <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
                        Import records
                      </Button>
                    )}
                  </>
                ) : undefined
              }
            />
            {counts.error !== undefined && !data ? (
              <LoadError error={counts.error} what="the identification numbers" onRetry={refresh} />
            ) : !data ? (
              <Loader aria-label="Loading identification" />
            ) : (
              <Stack gap="lg">
                <IdentificationSummary counts={data} />
                {data.pendingDuplicatePairs > 0 && (
                  <Alert color="blue" variant="light" title="Possible duplicates to review">
                    <Group justify="space-between">
                      <Text fz="sm">
                        {data.pendingDuplicatePairs}{' '}
                        {data.pendingDuplicatePairs === 1 ? 'pair looks' : 'pairs look'} alike but not
                        certainly the same study. A person decides.
                      </Text>
                      <Button component={Link} to={`/projects/${projectId}/duplicates`} size="xs">
                        Review duplicates
                      </Button>
                    </Group>
                  </Alert>
                )}
                <Stack gap="xs">
                  <Group justify="space-between">
                    <Title order={2} fz="h4">
                      Searches
                    </Title>
                    {data.identified > 0 && (
                      <Button
                        component={Link}
                        to={`/projects/${projectId}/records`}
                        variant="subtle"
                        size="xs"
                        leftSection={<IconTable size={14} />}
                      >
                        Browse records
                      </Button>
                    )}
                  </Group>
                  {searches.data && searches.data.searches.length > 0 ? (
                    <SearchesTable
                      searches={searches.data.searches}
                      projectId={projectId}
                      canEdit={mayEditSearch}
                      onChanged={refresh}
                    />
                  ) : (
                    <Card withBorder radius="md" p="xl" ta="center" data-testid="no-searches">
                      <Text fw={600}>No searches yet</Text>
                      <Text fz="sm" c="dimmed" mt={4}>
                        {mayImport
                          ? 'Import the export of each database search: every file belongs to one search, with its platform, date, query and the count the database reported.'
                          : 'A lead imports the search results; they will appear here.'}
                      </Text>
                    </Card>
                  )}
                </Stack>
              </Stack>
            )}
            <ImportWizard
              projectId={projectId}
              opened={importing}
              searches={searches.data?.searches ?? []}
              onClose={() => setImporting(false)}
              onImported={refresh}
            />
          </>
        );
      }}
    </ProjectGate>
  );
}
