import { Avatar, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { UsersResponse } from '@weft/protocol';
import { initials } from '../ui/initials';

export function AccountList({ users, selfId }: { users: UsersResponse['users']; selfId: string }) {
  const sorted = [...users].sort((a, b) => a.displayName.localeCompare(b.displayName));
  return (
    <Card withBorder radius="md" padding="lg">
      <Group justify="space-between" mb="sm">
        <Title order={2} fz="lg">
          Accounts
        </Title>
        <Text fz="sm" c="dimmed">
          {users.length}
        </Text>
      </Group>
      <Stack gap="sm" component="ul" m={0} p={0} style={{ listStyle: 'none' }} data-testid="account-list">
        {sorted.map((u) => (
          <Group component="li" key={u.id} gap="sm" wrap="nowrap">
            <Avatar size={32} radius="xl" color="weft" variant="light" aria-hidden="true">
              {initials(u.displayName)}
            </Avatar>
            <div style={{ minWidth: 0 }}>
              <Text fz="sm" fw={500} truncate="end">
                {u.displayName}
                {u.id === selfId && (
                  <Text span c="dimmed" fz="sm">
                    {' '}
                    (you)
                  </Text>
                )}
              </Text>
              <Text fz="xs" c="dimmed">
                {u.username}
              </Text>
            </div>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
