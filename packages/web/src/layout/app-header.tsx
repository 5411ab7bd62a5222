import { Anchor, Badge, Group, Text } from '@mantine/core';
import { IconChevronRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useOpenProject } from '../project/project-context';
import { Logo } from '../ui/logo';
import { LiveIndicator } from './live-indicator';
import { UserMenu } from './user-menu';

export function AppHeader({ burger }: { burger: ReactNode }) {
  const open = useOpenProject();
  return (
    <Group h="100%" px="md" justify="space-between" wrap="nowrap">
      <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
        {burger}
        <Anchor component={Link} to="/" underline="never" aria-label="Weft: all projects">
          <Logo />
        </Anchor>
        {open && (
          <>
            <IconChevronRight size={16} color="var(--mantine-color-gray-5)" aria-hidden="true" />
            <Text
              component={Link}
              to={`/projects/${open.projectId}`}
              fw={600}
              c="dark.7"
              td="none"
              truncate="end"
              data-testid="header-project-name"
              style={{ minWidth: 0 }}
            >
              {open.project?.name ?? ' '}
            </Text>
            {open.project?.archived && (
              <Badge color="gray" variant="light" visibleFrom="xs">
                Archived
              </Badge>
            )}
          </>
        )}
      </Group>
      <Group gap="md" wrap="nowrap">
        {open && <LiveIndicator status={open.live.status} />}
        <UserMenu />
      </Group>
    </Group>
  );
}
