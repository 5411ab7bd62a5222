import { Alert, Button, EmptyState, Stack } from '@mantine/core';
import { IconFolderPlus, IconSparkles } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';

/** The first thing a new user sees: start a project, or look around a filled-in demo. */
export function DemoOffer({ onCreate }: { onCreate: () => void }) {
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const createDemo = async () => {
    setBusy(true);
    setFailure(null);
    try {
      const { result } = await sendCommand('demo.create', {});
      navigate(`/projects/${result.projectId}`);
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <Stack gap="md" py="xl" align="center">
      <EmptyState icon={<IconFolderPlus size={28} stroke={1.5} />} variant="light" maw={560}>
        <EmptyState.Title order={2}>No projects yet</EmptyState.Title>
        <EmptyState.Description>
          A project holds one review and its team, with a full history of who did what. Start your own, or
          open a demo project with an example review question to try Weft out.
        </EmptyState.Description>
        <EmptyState.Actions>
          <Button leftSection={<IconFolderPlus size={18} />} onClick={onCreate}>
            Create a project
          </Button>
          <Button
            variant="default"
            leftSection={<IconSparkles size={18} />}
            loading={busy}
            onClick={createDemo}
          >
            Explore the demo project
          </Button>
        </EmptyState.Actions>
      </EmptyState>
      {failure && (
        <Alert color="red" variant="light" role="alert" maw={560}>
          {failure}
        </Alert>
      )}
    </Stack>
  );
}
