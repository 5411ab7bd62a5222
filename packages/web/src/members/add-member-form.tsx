import type { ComboboxItem, ComboboxParsedItem } from '@mantine/core';
import { Alert, Autocomplete, Button, Card, Group, Select, Text, Title } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import type { Member, Role } from '@weft/core';
import { ROLES } from '@weft/core';
import { type FormEvent, useMemo, useState } from 'react';
import { sendCommand } from '../api/commands';
import { endpoints } from '../api/endpoints';
import { errorMessage } from '../api/problem';
import { useResource } from '../api/use-resource';
import { mayAssign } from '../project/permissions';

/** Add an existing account to the project, choosing it by username or name. */
export function AddMemberForm({
  projectId,
  actorRole,
  members,
  onAdded,
}: {
  projectId: string;
  actorRole: Role;
  members: Member[];
  onAdded: (message: string) => void;
}) {
  const users = useResource('users', endpoints.users);
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<Role>('reviewer');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const candidates = useMemo(() => {
    const taken = new Set(members.map((m) => m.userId));
    return (users.data?.users ?? []).filter((u) => !taken.has(u.id));
  }, [users.data, members]);
  const names = useMemo(() => new Map(candidates.map((u) => [u.username, u.displayName])), [candidates]);

  const filter = ({ options, search }: { options: ComboboxParsedItem[]; search: string }) => {
    const q = search.trim().toLowerCase();
    return (options as ComboboxItem[]).filter(
      (o) => !q || o.value.includes(q) || (names.get(o.value) ?? '').toLowerCase().includes(q),
    );
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = username.trim().toLowerCase();
    if (!name) return setError('Choose the account to add.');
    setBusy(true);
    setError(null);
    try {
      await sendCommand('member.add', { username: name, role }, projectId);
      onAdded(`${names.get(name) ?? name} joined as ${role}.`);
      setUsername('');
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  const roleOptions = ROLES.filter((r) => mayAssign(actorRole, undefined, r)).map((r) => ({
    value: r,
    label: r[0]?.toUpperCase() + r.slice(1),
  }));

  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} fz="lg" mb={4}>
        Add a member
      </Title>
      <Text fz="sm" c="dimmed" mb="md">
        Anyone with an account on this Weft instance can join. Accounts are created by an administrator.
      </Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm" wrap="wrap">
          <Autocomplete
            label="Account"
            placeholder="Username or name"
            value={username}
            onChange={(v) => {
              setUsername(v);
              setError(null);
            }}
            data={candidates.map((u) => u.username)}
            filter={filter}
            renderOption={({ option }) => (
              <div>
                <Text fz="sm">{names.get(option.value)}</Text>
                <Text fz="xs" c="dimmed">
                  {option.value}
                </Text>
              </div>
            )}
            error={error}
            style={{ flex: '1 1 240px' }}
            autoComplete="off"
            spellCheck={false}
          />
          <Select
            label="Role"
            data={roleOptions}
            value={role}
            onChange={(v) => v && setRole(v as Role)}
            allowDeselect={false}
            w={160}
          />
          <Button type="submit" loading={busy} leftSection={<IconUserPlus size={16} />} mt={25}>
            Add member
          </Button>
        </Group>
      </form>
      {users.error !== undefined && (
        <Alert color="orange" variant="light" mt="sm">
          Could not load the list of accounts; you can still type a username.
        </Alert>
      )}
    </Card>
  );
}
