import { Center, Loader } from '@mantine/core';
import { type ComponentType, type LazyExoticComponent, lazy, Suspense, useEffect, useState } from 'react';
import { BrowserRouter, matchPath, Outlet, Route, Routes } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { SetupPage } from './pages/setup-page';
import { RequireSession } from './session/require-session';
import { SessionGate } from './session/session-gate';

type LazyPage = LazyExoticComponent<ComponentType> & { preload: () => Promise<unknown> };

/** A page whose code loads the first time it is shown (or preloaded), not with the app. */
function lazyPage<Name extends string>(
  load: () => Promise<Record<Name, ComponentType>>,
  name: Name,
): LazyPage {
  return Object.assign(
    lazy<ComponentType>(async () => ({ default: (await load())[name] })),
    { preload: load },
  );
}

// Every page of the signed-in app, by route. The shell, sign-in and first-run setup stay in the entry
// chunk; a coder opening a document does not download the screening, PRISMA or identification pages.
const PAGES: Array<[path: string, Page: LazyPage]> = [
  ['/', lazyPage(() => import('./pages/projects-page'), 'ProjectsPage')],
  ['/accounts', lazyPage(() => import('./pages/accounts-page'), 'AccountsPage')],
  ['/projects/:projectId', lazyPage(() => import('./pages/project-home-page'), 'ProjectHomePage')],
  ['/projects/:projectId/members', lazyPage(() => import('./pages/members-page'), 'MembersPage')],
  [
    '/projects/:projectId/identification',
    lazyPage(() => import('./pages/identification-page'), 'IdentificationPage'),
  ],
  ['/projects/:projectId/records', lazyPage(() => import('./pages/records-page'), 'RecordsPage')],
  ['/projects/:projectId/duplicates', lazyPage(() => import('./pages/duplicates-page'), 'DuplicatesPage')],
  ['/projects/:projectId/screening', lazyPage(() => import('./pages/screening-page'), 'ScreeningPage')],
  [
    '/projects/:projectId/screening/:stageKey',
    lazyPage(() => import('./pages/screening-stage-page'), 'ScreeningStagePage'),
  ],
  [
    '/projects/:projectId/screening/:stageKey/list',
    lazyPage(() => import('./pages/screening-list-page'), 'ScreeningListPage'),
  ],
  [
    '/projects/:projectId/screening/:stageKey/conflicts',
    lazyPage(() => import('./pages/screening-conflicts-page'), 'ScreeningConflictsPage'),
  ],
  [
    '/projects/:projectId/screening/:stageKey/agreement',
    lazyPage(() => import('./pages/screening-agreement-page'), 'ScreeningAgreementPage'),
  ],
  [
    '/projects/:projectId/screening/:stageKey/dashboard',
    lazyPage(() => import('./pages/screening-dashboard-page'), 'ScreeningDashboardPage'),
  ],
  [
    '/projects/:projectId/screening/:stageKey/settings',
    lazyPage(() => import('./pages/screening-settings-page'), 'ScreeningSettingsPage'),
  ],
  ['/projects/:projectId/documents', lazyPage(() => import('./pages/documents-page'), 'DocumentsPage')],
  ['/projects/:projectId/cases', lazyPage(() => import('./pages/cases-page'), 'CasesPage')],
  [
    '/projects/:projectId/documents/:documentId',
    lazyPage(() => import('./pages/document-coding-page'), 'DocumentCodingPage'),
  ],
  ['/projects/:projectId/memos', lazyPage(() => import('./pages/memos-page'), 'MemosPage')],
  ['/projects/:projectId/prisma', lazyPage(() => import('./pages/prisma-page'), 'PrismaPage')],
  ['/projects/:projectId/review-log', lazyPage(() => import('./pages/review-log-page'), 'ReviewLogPage')],
  ['/projects/:projectId/codebook', lazyPage(() => import('./pages/codebook-page'), 'CodebookPage')],
  [
    '/projects/:projectId/codebook/history',
    lazyPage(() => import('./pages/codebook-history-page'), 'CodebookHistoryPage'),
  ],
  [
    '/projects/:projectId/codebook/orphans',
    lazyPage(() => import('./pages/orphan-codings-page'), 'OrphanCodingsPage'),
  ],
  [
    '/projects/:projectId/codes/:codeId',
    lazyPage(() => import('./pages/code-segments-page'), 'CodeSegmentsPage'),
  ],
];

// Fetch the page the app opens on alongside the entry chunk and the session check, not after them.
for (const [path, Page] of PAGES) {
  if (matchPath(path, window.location.pathname)) void Page.preload().catch(() => undefined);
}

// After an upgrade an open tab still names the old chunks, which the server no longer has: load the
// new app once instead of failing on the next page (the guard stops a reload loop if it persists).
window.addEventListener('vite:preloadError', (event) => {
  const last = Number(sessionStorage.getItem('weft:chunk-reload') ?? 0);
  if (Date.now() - last < 10_000) return;
  sessionStorage.setItem('weft:chunk-reload', String(Date.now()));
  event.preventDefault();
  window.location.reload();
});

/** Shown while a page's code loads; it appears only if that takes long enough to notice. */
function PageLoading() {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setVisible(true), 300);
    return () => clearTimeout(timer);
  }, []);
  return (
    <Center py="xl" mih={240}>
      {visible && <Loader size="sm" aria-label="Loading the page" />}
    </Center>
  );
}

function LazyPages() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Outlet />
    </Suspense>
  );
}

export function App() {
  return (
    <BrowserRouter>
      <SessionGate>
        <Routes>
          <Route path="/setup" element={<SetupPage />} />
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireSession>
                <AppLayout />
              </RequireSession>
            }
          >
            <Route element={<LazyPages />}>
              {PAGES.map(([path, Page]) => (
                <Route key={path} path={path} element={<Page />} />
              ))}
            </Route>
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionGate>
    </BrowserRouter>
  );
}
