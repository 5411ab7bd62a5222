import { Button, Group, Stack, Text, Textarea, UnstyledButton } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import type { Project } from '@weft/core';
import { useState } from 'react';
import { ConflictNotice } from './conflict-notice';
import { useProjectEdit } from './use-project-edit';

/** The project description (review question, scope); editable in place by those allowed. */
export function EditableDescription({
  project,
  canEdit,
  onSaved,
}: {
  project: Project;
  canEdit: boolean;
  onSaved: () => void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  // The version the edit started from: a change by someone else meanwhile must surface as a conflict,
  // even though the live feed has already refreshed `project`.
  const [baseVersion, setBaseVersion] = useState(project.version);
  const startEditing = (value: string) => {
    setBaseVersion(project.version);
    setDraft(value);
  };
  const edit = useProjectEdit(project.id, 'project.describe', onSaved);

  const cancel = () => {
    setDraft(null);
    edit.reset();
  };
  const save = async (version: number) => {
    const value = (draft ?? '').trim();
    if (value === project.description && !edit.conflict) return cancel();
    if (await edit.save(value, version)) cancel();
  };

  if (draft === null) {
    if (!project.description && !canEdit)
      return (
        <Text c="dimmed" fz="sm" fs="italic">
          No description yet.
        </Text>
      );
    if (!project.description)
      return (
        <UnstyledButton onClick={() => startEditing('')} c="dimmed" fz="sm">
          <Group gap={6}>
            <IconPencil size={14} aria-hidden="true" />
            Add a description: the review question, scope or protocol reference
          </Group>
        </UnstyledButton>
      );
    return (
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Text
          fz="sm"
          c="dark.5"
          maw={720}
          style={{ whiteSpace: 'pre-wrap' }}
          data-testid="project-description"
        >
          {project.description}
        </Text>
        {canEdit && (
          <Button
            variant="subtle"
            color="gray"
            size="compact-xs"
            leftSection={<IconPencil size={12} />}
            onClick={() => startEditing(project.description)}
            aria-label="Edit description"
          >
            Edit
          </Button>
        )}
      </Group>
    );
  }

  return (
    <Stack gap="sm" maw={720}>
      <Textarea
        aria-label="Project description"
        value={draft}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onKeyDown={(e) => {
          if (e.key === 'Escape') cancel();
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void save(baseVersion);
        }}
        autosize
        minRows={3}
        maxRows={12}
        error={edit.error}
        placeholder="The review question, scope or protocol reference"
        autoFocus
      />
      <Group gap="sm">
        <Button size="xs" onClick={() => void save(baseVersion)} loading={edit.busy && !edit.conflict}>
          Save description
        </Button>
        <Button size="xs" variant="default" onClick={cancel}>
          Cancel
        </Button>
      </Group>
      {edit.conflict && (
        <ConflictNotice
          busy={edit.busy}
          onOverwrite={() => edit.conflict && void save(edit.conflict.version)}
          onDiscard={cancel}
        >
          The description now reads: “{edit.conflict.description || '(empty)'}”.
        </ConflictNotice>
      )}
    </Stack>
  );
}
