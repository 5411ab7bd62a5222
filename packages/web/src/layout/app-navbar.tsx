import { Divider, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import {
  IconAddressBook,
  IconChartDots3,
  IconCopy,
  IconFileSearch,
  IconFileText,
  IconFolders,
  IconHistory,
  IconHome,
  IconNotes,
  IconSitemap,
  IconTable,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import { Link, useLocation } from 'react-router';
import { useOpenProject } from '../project/project-context';
import { ScreeningNav } from '../screening/screening-nav';
import { useCurrentUser } from '../session/session-context';

function SectionLabel({ children }: { children: string }) {
  return (
    <Text
      fz={11}
      fw={700}
      tt="uppercase"
      c="dimmed"
      px="sm"
      pt="md"
      pb={4}
      style={{ letterSpacing: '0.06em' }}
    >
      {children}
    </Text>
  );
}

export function AppNavbar() {
  const user = useCurrentUser();
  const open = useOpenProject();
  const { pathname } = useLocation();
  const base = open ? `/projects/${open.projectId}` : '';
  return (
    <nav aria-label="Main" style={{ height: '100%' }}>
      <ScrollArea h="100%">
        <Stack gap={2}>
          <NavLink
            component={Link}
            to="/"
            label="All projects"
            leftSection={<IconFolders size={18} stroke={1.6} />}
            active={pathname === '/'}
          />
          {open && (
            <>
              <SectionLabel>This project</SectionLabel>
              <NavLink
                component={Link}
                to={base}
                label="Overview"
                leftSection={<IconHome size={18} stroke={1.6} />}
                active={pathname === base}
              />
              <NavLink
                component={Link}
                to={`${base}/members`}
                label="Members"
                description={open.members ? `${open.members.length} in the team` : undefined}
                leftSection={<IconUsers size={18} stroke={1.6} />}
                active={pathname === `${base}/members`}
              />
              <SectionLabel>Identification</SectionLabel>
              <NavLink
                component={Link}
                to={`${base}/identification`}
                label="Identification"
                leftSection={<IconFileSearch size={18} stroke={1.6} />}
                active={pathname === `${base}/identification`}
              />
              <NavLink
                component={Link}
                to={`${base}/duplicates`}
                label="Duplicates"
                leftSection={<IconCopy size={18} stroke={1.6} />}
                active={pathname === `${base}/duplicates`}
              />
              <NavLink
                component={Link}
                to={`${base}/records`}
                label="Records"
                leftSection={<IconTable size={18} stroke={1.6} />}
                active={pathname === `${base}/records`}
              />
              <SectionLabel>Screening</SectionLabel>
              <ScreeningNav projectId={open.projectId} pathname={pathname} />
              <SectionLabel>Coding</SectionLabel>
              <NavLink
                component={Link}
                to={`${base}/documents`}
                label="Documents"
                leftSection={<IconFileText size={18} stroke={1.6} />}
                active={pathname.startsWith(`${base}/documents`)}
              />
              <NavLink
                component={Link}
                to={`${base}/codebook`}
                label="Codebook"
                leftSection={<IconSitemap size={18} stroke={1.6} />}
                active={pathname.startsWith(`${base}/codebook`) || pathname.startsWith(`${base}/codes/`)}
              />
              <NavLink
                component={Link}
                to={`${base}/cases`}
                label="Cases"
                leftSection={<IconAddressBook size={18} stroke={1.6} />}
                active={pathname.startsWith(`${base}/cases`)}
              />
              <NavLink
                component={Link}
                to={`${base}/memos`}
                label="Memos"
                leftSection={<IconNotes size={18} stroke={1.6} />}
                active={pathname.startsWith(`${base}/memos`)}
              />
              <SectionLabel>Reporting</SectionLabel>
              <NavLink
                component={Link}
                to={`${base}/prisma`}
                label="PRISMA diagram"
                leftSection={<IconChartDots3 size={18} stroke={1.6} />}
                active={pathname === `${base}/prisma`}
              />
              <NavLink
                component={Link}
                to={`${base}/review-log`}
                label="Review log"
                leftSection={<IconHistory size={18} stroke={1.6} />}
                active={pathname === `${base}/review-log`}
              />
            </>
          )}
          {user.isAdmin && (
            <>
              <Divider my="sm" />
              <SectionLabel>Administration</SectionLabel>
              <NavLink
                component={Link}
                to="/accounts"
                label="Accounts"
                leftSection={<IconUsersGroup size={18} stroke={1.6} />}
                active={pathname === '/accounts'}
              />
            </>
          )}
        </Stack>
      </ScrollArea>
    </nav>
  );
}
