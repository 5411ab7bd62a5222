import { Button, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchiveOff } from '@tabler/icons-react';
import type { ProjectSummaryView } from '@weft/protocol';
import { ArchiveConfirmModal } from '../project/archive-confirm-modal';

/** On an archived project's card: restore it (owners), or say who can. */
export function ArchivedProjectAction({
  project,
  onDone,
}: {
  project: ProjectSummaryView;
  onDone: () => void;
}) {
  const [opened, { open, close }] = useDisclosure(false);
  if (project.role !== 'owner')
    return (
      <Text fz="xs" c="dimmed">
        Archived. Only an owner can restore it.
      </Text>
    );
  return (
    <>
      <Button
        variant="light"
        size="xs"
        leftSection={<IconArchiveOff size={16} />}
        onClick={open}
        w="fit-content"
        aria-label={`Restore ${project.name}`}
      >
        Restore
      </Button>
      <ArchiveConfirmModal project={project} opened={opened} onClose={close} onDone={onDone} />
    </>
  );
}
