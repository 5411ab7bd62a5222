import { Button, Card, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArchive, IconArchiveOff } from '@tabler/icons-react';
import type { Project } from '@weft/core';
import { ArchiveConfirmModal } from './archive-confirm-modal';

/** Owners archive (or restore) the project here; the confirmation says what that means. */
export function ArchivePanel({ project, onDone }: { project: Project; onDone: () => void }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} fz="lg" mb={4}>
        {project.archived ? 'Archived' : 'Archive'}
      </Title>
      <Text fz="sm" c="dimmed" mb="sm">
        {project.archived
          ? 'This project is archived. Restore it to return it to the active list.'
          : 'When the review is finished, archive it. Nothing is deleted and you can restore it later.'}
      </Text>
      <Button
        variant={project.archived ? 'light' : 'default'}
        color={project.archived ? undefined : 'orange'}
        leftSection={project.archived ? <IconArchiveOff size={16} /> : <IconArchive size={16} />}
        onClick={open}
        size="xs"
      >
        {project.archived ? 'Restore project' : 'Archive project…'}
      </Button>
      <ArchiveConfirmModal project={project} opened={opened} onClose={close} onDone={onDone} />
    </Card>
  );
}
