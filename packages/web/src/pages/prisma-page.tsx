import { Button, Card, Center, Group, Loader, Stack, Text } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { mayDo } from '@weft/core';
import { useCallback, useState } from 'react';
import { useResource } from '../api/use-resource';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { BoxRecordsDrawer, type DrawerTarget } from '../reporting/box-records-drawer';
import { PrismaDiagram } from '../reporting/prisma-diagram';
import { PrismaExportButtons } from '../reporting/prisma-export-buttons';
import { PrismaMessages } from '../reporting/prisma-messages';
import { PrismaSettingsModal } from '../reporting/prisma-settings-modal';
import { reportingApi } from '../reporting/reporting-api';
import { ReportsPanel } from '../reporting/reports-panel';
import { useReportingEvents } from '../reporting/use-reporting-events';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

export function PrismaPage() {
  const { projectId } = useProject();
  const flow = useResource(projectId, () => reportingApi.prisma(projectId));
  // Bumped on every change so open lists (drawer, reports) refetch with the diagram.
  const [version, setVersion] = useState(0);
  const [target, setTarget] = useState<DrawerTarget | null>(null);
  const [settingsOpen, setSettingsOpen] = useState(false);
  const refresh = useCallback(() => {
    void flow.reload();
    setVersion((v) => v + 1);
  }, [flow.reload]);
  useReportingEvents(refresh);

  return (
    <ProjectGate>
      {(_project, role) => (
        <Stack gap="lg">
          <PageHeader
            title="PRISMA 2020 flow diagram"
            description="Every number is counted from the project: searches, duplicates, screening decisions and full-text retrieval. Click a box to see the records behind it."
            actions={
              <>
                <PrismaExportButtons projectId={projectId} />
                {mayDo(role, 'prisma.configure') && flow.data && (
                  <Button
                    size="xs"
                    variant="light"
                    leftSection={<IconSettings size={14} />}
                    onClick={() => setSettingsOpen(true)}
                  >
                    Diagram settings
                  </Button>
                )}
              </>
            }
          />
          {flow.error && !flow.data ? (
            <LoadError error={flow.error} what="the PRISMA diagram" onRetry={flow.reload} />
          ) : !flow.data ? (
            <Center py="xl">
              <Loader aria-label="Loading the PRISMA diagram" />
            </Center>
          ) : (
            <>
              <PrismaMessages
                kind="warnings"
                messages={flow.data.warnings}
                onOpen={(m) => setTarget({ kind: 'warning', code: m.code, message: m.message })}
              />
              <PrismaMessages
                kind="notes"
                messages={flow.data.notes}
                onOpen={(m) => setTarget({ kind: 'warning', code: m.code, message: m.message })}
              />
              <Card withBorder padding="lg" radius="md">
                <PrismaDiagram svg={flow.data.svg} onOpen={(key) => setTarget({ kind: 'box', key })} />
                <Group mt="sm">
                  <Text fz="xs" c="dimmed">
                    Page MJ et al. The PRISMA 2020 statement. BMJ 2021;372:n71. Template: new
                    {flow.data.isUpdate ? ' and updated' : ''} systematic reviews
                    {flow.data.hasOtherMethods ? ', databases, registers and other sources' : ''}.
                  </Text>
                </Group>
              </Card>
              <ReportsPanel
                projectId={projectId}
                role={role}
                flow={flow.data}
                version={version}
                onChanged={refresh}
              />
              <BoxRecordsDrawer
                projectId={projectId}
                flow={flow.data}
                target={target}
                version={version}
                onClose={() => setTarget(null)}
              />
              <PrismaSettingsModal
                projectId={projectId}
                settings={flow.data.settings}
                opened={settingsOpen}
                onClose={() => setSettingsOpen(false)}
                onSaved={refresh}
              />
            </>
          )}
        </Stack>
      )}
    </ProjectGate>
  );
}
