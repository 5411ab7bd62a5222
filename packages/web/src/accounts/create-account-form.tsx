import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  PasswordInput,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconCircleCheck, IconUserPlus } from '@tabler/icons-react';
import { normaliseUsername, PASSWORD_MIN_LENGTH } from '@weft/core';
import { type FormEvent, useState } from 'react';
import { sendCommand } from '../api/commands';
import { errorMessage, fieldErrors } from '../api/problem';
import { type AccountErrors, validateAccount } from './validate-account';

const EMPTY = { username: '', displayName: '', password: '', isAdmin: false };

/** Administrators create accounts; the person signs in with the initial password. */
export function CreateAccountForm({ onCreated }: { onCreated: () => void }) {
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<AccountErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const set = (key: 'username' | 'displayName' | 'password') => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((er) => ({ ...er, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateAccount(values);
    setErrors(found);
    setFailure(null);
    setCreated(null);
    if (Object.keys(found).length) return;
    const username = normaliseUsername(values.username);
    if (!username.ok) return;
    setBusy(true);
    try {
      await sendCommand('user.create', {
        username: username.username,
        displayName: values.displayName.trim(),
        password: values.password,
        isAdmin: values.isAdmin,
      });
      setCreated(
        `${values.displayName.trim()} can now sign in as “${username.username}” with the password you chose. Ask them to keep it private.`,
      );
      setValues(EMPTY);
      onCreated();
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} fz="lg" mb={4}>
        Create an account
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        Then add the person to a project from that project’s Members page.
      </Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {created && (
            <Alert
              color="teal"
              variant="light"
              icon={<IconCircleCheck size={18} />}
              title="Account created"
              role="status"
            >
              {created}
            </Alert>
          )}
          {failure && (
            <Alert color="red" variant="light" role="alert">
              {failure}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label="Name"
              description="As the team will see it"
              value={values.displayName}
              onChange={set('displayName')}
              error={errors.displayName}
              autoComplete="off"
              required
            />
            <TextInput
              label="Username"
              description="Used to sign in"
              value={values.username}
              onChange={set('username')}
              error={errors.username}
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
            />
          </SimpleGrid>
          <PasswordInput
            label="Initial password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters. Share it with the person privately.`}
            value={values.password}
            onChange={set('password')}
            error={errors.password}
            autoComplete="new-password"
            required
          />
          <Checkbox
            label="Administrator"
            description="Can create accounts on this Weft instance."
            checked={values.isAdmin}
            onChange={(e) => {
              const checked = e.currentTarget.checked;
              setValues((v) => ({ ...v, isAdmin: checked }));
            }}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={busy} leftSection={<IconUserPlus size={16} />}>
              Create account
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
