import { ActionIcon, Button, Group, Stack, TextInput, Title, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { normaliseProjectName, PROJECT_NAME_MAX, type Project } from '@weft/core';
import { type FormEvent, useState } from 'react';
import { ConflictNotice } from './conflict-notice';
import { useProjectEdit } from './use-project-edit';

/** The project's name as the page title; those allowed can rename it in place. */
export function EditableName({
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
  const [invalid, setInvalid] = useState<string | null>(null);
  const edit = useProjectEdit(project.id, 'project.rename', onSaved);

  const cancel = () => {
    setDraft(null);
    setInvalid(null);
    edit.reset();
  };

  const save = async (version: number) => {
    const checked = normaliseProjectName(draft ?? '');
    if (!checked.ok) return setInvalid(checked.message);
    if (checked.name === project.name && !edit.conflict) return cancel();
    if (await edit.save(checked.name, version)) cancel();
  };

  if (draft === null)
    return (
      <Group gap="xs" wrap="nowrap" align="center">
        <Title order={1} fz={28} lh={1.25} data-testid="project-name" style={{ overflowWrap: 'anywhere' }}>
          {project.name}
        </Title>
        {canEdit && (
          <Tooltip label="Rename project" withArrow>
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label="Rename project"
              onClick={() => startEditing(project.name)}
            >
              <IconPencil size={18} />
            </ActionIcon>
          </Tooltip>
        )}
      </Group>
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void save(baseVersion);
  };

  return (
    <Stack gap="sm">
      <form onSubmit={submit} noValidate>
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <TextInput
            aria-label="Project name"
            value={draft}
            maxLength={PROJECT_NAME_MAX}
            onChange={(e) => {
              setDraft(e.currentTarget.value);
              setInvalid(null);
            }}
            onKeyDown={(e) => e.key === 'Escape' && cancel()}
            error={invalid ?? edit.error}
            size="md"
            style={{ flex: 1 }}
            autoFocus
          />
          <Button type="submit" size="md" loading={edit.busy && !edit.conflict}>
            Save
          </Button>
          <Button variant="default" size="md" onClick={cancel}>
            Cancel
          </Button>
        </Group>
      </form>
      {edit.conflict && (
        <ConflictNotice
          busy={edit.busy}
          onOverwrite={() => edit.conflict && void save(edit.conflict.version)}
          onDiscard={cancel}
        >
          The project is now called “{edit.conflict.name}”. Save “{draft}” over it, or keep the current name.
        </ConflictNotice>
      )}
    </Stack>
  );
}
