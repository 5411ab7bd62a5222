import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Project } from '@weft/core';
import { useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage, isApiError } from '../api/problem';

/**
 * Confirm archiving or restoring a project. Archiving is reversible: the project and its
 * history stay, it only leaves the active list.
 */
export function ArchiveConfirmModal({
  project,
  opened,
  onClose,
  onDone,
}: {
  project: Pick<Project, 'id' | 'name' | 'archived' | 'version'>;
  opened: boolean;
  onClose: () => void;
  onDone: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const archiving = !project.archived;

  const confirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await sendCommand(
        archiving ? 'project.archive' : 'project.unarchive',
        { expectedVersion: project.version },
        project.id,
      );
      onDone();
      onClose();
    } catch (error) {
      if (isApiError(error) && error.status === 409)
        setFailure('Someone else changed this project a moment ago. Close this dialog and try again.');
      else setFailure(errorMessage(error));
      if (isApiError(error) && error.status === 409) onDone();
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={archiving ? 'Archive this project?' : 'Restore this project?'}
      centered
    >
      <Stack gap="md">
        <Text fz="sm">
          {archiving ? (
            <>
              <b>{project.name}</b> will move to the archived projects. Nothing is deleted: the project, its
              team and its history stay, and an owner can restore it at any time.
            </>
          ) : (
            <>
              <b>{project.name}</b> will return to the active projects list.
            </>
          )}
        </Text>
        {failure && (
          <Alert color="red" variant="light" role="alert">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color={archiving ? 'orange' : undefined} loading={busy} onClick={confirm}>
            {archiving ? 'Archive project' : 'Restore project'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
