import { Alert, Button, Group, Modal, Stack, Textarea, TextInput } from '@mantine/core';
import { normaliseProjectName, PROJECT_NAME_MAX } from '@weft/core';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { sendCommand } from '../api/commands';
import { errorMessage } from '../api/problem';

export function CreateProjectModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const navigate = useNavigate();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setName('');
    setDescription('');
    setNameError(null);
    setFailure(null);
    onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = normaliseProjectName(name);
    if (!checked.ok) return setNameError(checked.message);
    setBusy(true);
    setFailure(null);
    try {
      const { result } = await sendCommand('project.create', {
        name: checked.name,
        description: description.trim(),
      });
      close();
      navigate(`/projects/${result.projectId}`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal opened={opened} onClose={close} title="New project" size="lg" centered>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput
            label="Name"
            placeholder="e.g. Integrated care for older adults: a review of reviews"
            value={name}
            maxLength={PROJECT_NAME_MAX}
            onChange={(e) => {
              setName(e.currentTarget.value);
              setNameError(null);
            }}
            error={nameError}
            required
            data-autofocus
          />
          <Textarea
            label="Description"
            description="The review question, scope or protocol reference. You can change it later."
            autosize
            minRows={3}
            maxRows={8}
            value={description}
            onChange={(e) => setDescription(e.currentTarget.value)}
          />
          <Group justify="flex-end" gap="sm" mt="xs">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" loading={busy}>
              Create project
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
