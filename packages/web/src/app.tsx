import { BrowserRouter, Route, Routes } from 'react-router';
import { AppLayout } from './layout/app-layout';
import { AccountsPage } from './pages/accounts-page';
import { CasesPage } from './pages/cases-page';
import { CodeSegmentsPage } from './pages/code-segments-page';
import { CodebookHistoryPage } from './pages/codebook-history-page';
import { CodebookPage } from './pages/codebook-page';
import { DocumentCodingPage } from './pages/document-coding-page';
import { DocumentsPage } from './pages/documents-page';
import { DuplicatesPage } from './pages/duplicates-page';
import { IdentificationPage } from './pages/identification-page';
import { LoginPage } from './pages/login-page';
import { MembersPage } from './pages/members-page';
import { MemosPage } from './pages/memos-page';
import { NotFoundPage } from './pages/not-found-page';
import { OrphanCodingsPage } from './pages/orphan-codings-page';
import { PrismaPage } from './pages/prisma-page';
import { ProjectHomePage } from './pages/project-home-page';
import { ProjectsPage } from './pages/projects-page';
import { RecordsPage } from './pages/records-page';
import { ReviewLogPage } from './pages/review-log-page';
import { ScreeningAgreementPage } from './pages/screening-agreement-page';
import { ScreeningConflictsPage } from './pages/screening-conflicts-page';
import { ScreeningDashboardPage } from './pages/screening-dashboard-page';
import { ScreeningListPage } from './pages/screening-list-page';
import { ScreeningPage } from './pages/screening-page';
import { ScreeningSettingsPage } from './pages/screening-settings-page';
import { ScreeningStagePage } from './pages/screening-stage-page';
import { SetupPage } from './pages/setup-page';
import { RequireSession } from './session/require-session';
import { SessionGate } from './session/session-gate';

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
            <Route index element={<ProjectsPage />} />
            <Route path="accounts" element={<AccountsPage />} />
            <Route path="projects/:projectId" element={<ProjectHomePage />} />
            <Route path="projects/:projectId/members" element={<MembersPage />} />
            <Route path="projects/:projectId/identification" element={<IdentificationPage />} />
            <Route path="projects/:projectId/records" element={<RecordsPage />} />
            <Route path="projects/:projectId/duplicates" element={<DuplicatesPage />} />
            <Route path="projects/:projectId/screening" element={<ScreeningPage />} />
            <Route path="projects/:projectId/screening/:stageKey" element={<ScreeningStagePage />} />
            <Route path="projects/:projectId/screening/:stageKey/list" element={<ScreeningListPage />} />
            <Route
              path="projects/:projectId/screening/:stageKey/conflicts"
              element={<ScreeningConflictsPage />}
            />
            <Route
              path="projects/:projectId/screening/:stageKey/agreement"
              element={<ScreeningAgreementPage />}
            />
            <Route
              path="projects/:projectId/screening/:stageKey/dashboard"
              element={<ScreeningDashboardPage />}
            />
            <Route
              path="projects/:projectId/screening/:stageKey/settings"
              element={<ScreeningSettingsPage />}
            />
            <Route path="projects/:projectId/documents" element={<DocumentsPage />} />
            <Route path="projects/:projectId/cases" element={<CasesPage />} />
            <Route path="projects/:projectId/documents/:documentId" element={<DocumentCodingPage />} />
            <Route path="projects/:projectId/memos" element={<MemosPage />} />
            <Route path="projects/:projectId/prisma" element={<PrismaPage />} />
            <Route path="projects/:projectId/review-log" element={<ReviewLogPage />} />
            <Route path="projects/:projectId/codebook" element={<CodebookPage />} />
            <Route path="projects/:projectId/codebook/history" element={<CodebookHistoryPage />} />
            <Route path="projects/:projectId/codebook/orphans" element={<OrphanCodingsPage />} />
            <Route path="projects/:projectId/codes/:codeId" element={<CodeSegmentsPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionGate>
    </BrowserRouter>
  );
}
