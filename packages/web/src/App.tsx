import { BrowserRouter, Route, Routes } from 'react-router';
import { AppLayout } from './layout/AppLayout';
import { AccountsPage } from './pages/AccountsPage';
import { LoginPage } from './pages/LoginPage';
import { MembersPage } from './pages/MembersPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { ProjectHomePage } from './pages/ProjectHomePage';
import { ProjectsPage } from './pages/ProjectsPage';
import { SetupPage } from './pages/SetupPage';
import { RequireSession } from './session/RequireSession';
import { SessionGate } from './session/SessionGate';

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
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionGate>
    </BrowserRouter>
  );
}
