import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconFolders, IconLogout, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCurrentUser, useSession } from '../session/session-context';
import { initials } from '../ui/initials';

export function UserMenu() {
  const user = useCurrentUser();
  const { logout } = useSession();
  return (
    <Menu position="bottom-end" width={240} withinPortal shadow="md">
      <Menu.Target>
        <UnstyledButton aria-label={`Account menu for ${user.displayName}`} data-testid="user-menu">
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} radius="xl" color="weft" variant="light">
              {initials(user.displayName)}
            </Avatar>
            <Text fz="sm" fw={500} visibleFrom="sm">
              {user.displayName}
            </Text>
            <IconChevronDown size={14} aria-hidden="true" />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          Signed in as <b>{user.username}</b>
          {user.isAdmin ? ' · administrator' : ''}
        </Menu.Label>
        <Menu.Item component={Link} to="/" leftSection={<IconFolders size={16} />}>
          All projects
        </Menu.Item>
        {user.isAdmin && (
          <Menu.Item component={Link} to="/accounts" leftSection={<IconUsersGroup size={16} />}>
            Accounts
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={() => void logout()}>
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
