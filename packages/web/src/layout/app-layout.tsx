import { AppShell, Burger, Container } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { useEffect } from 'react';
import { Outlet, useLocation, useMatch } from 'react-router';
import { ProjectProvider, useOpenProject } from '../project/project-context';
import { AppHeader } from './app-header';
import { AppNavbar } from './app-navbar';

/** The signed-in frame: header with Weft and the open project, navigation, and the page. */
export function AppLayout() {
  const match = useMatch('/projects/:projectId/*');
  const projectId = match?.params.projectId;
  const shell = <Shell />;
  return projectId ? (
    <ProjectProvider key={projectId} projectId={projectId}>
      {shell}
    </ProjectProvider>
  ) : (
    shell
  );
}

function Shell() {
  useDocumentTitle(useTitle());
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the mobile menu on navigation
  useEffect(() => close(), [location.pathname]);
  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <AppShell.Header>
        <AppHeader
          burger={
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label="Toggle navigation"
            />
          }
        />
      </AppShell.Header>
      <AppShell.Navbar p="sm">
        <AppNavbar />
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="lg" px={0} pb="xl">
          <Outlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

/** "Members · Integrated care … · Weft": the tab says where you are. */
function useTitle(): string {
  const open = useOpenProject();
  const { pathname } = useLocation();
  const parts: string[] = [];
  if (pathname.endsWith('/members')) parts.push('Members');
  if (pathname === '/accounts') parts.push('Accounts');
  if (open?.project) parts.push(open.project.name);
  else if (pathname === '/') parts.push('Projects');
  parts.push('Weft');
  return parts.join(' · ');
}
