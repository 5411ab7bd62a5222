import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { IconAlertCircle, IconClockPause, IconInfoCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { endpoints } from '../api/endpoints';
import { errorMessage, isApiError } from '../api/problem';
import { useSession } from '../session/session-context';
import { AuthFrame } from '../ui/auth-frame';

function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function LoginPage() {
  const { state, signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<{ kind: 'credentials' | 'rate' | 'other'; text: string } | null>(
    null,
  );
  const [busy, setBusy] = useState(false);

  if (state.status === 'setup') return <Navigate to="/setup" replace />;
  if (state.status === 'signed-in') return <Navigate to={safeNext(params.get('next'))} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setProblem({ kind: 'credentials', text: 'Enter your username and password.' });
      return;
    }
    setBusy(true);
    setProblem(null);
    try {
      const session = await endpoints.login({ username: username.trim().toLowerCase(), password });
      signedIn(session);
      navigate(safeNext(params.get('next')), { replace: true });
    } catch (error) {
      if (isApiError(error) && error.status === 401)
        setProblem({ kind: 'credentials', text: 'That username and password do not match an account.' });
      else if (isApiError(error) && error.status === 429)
        setProblem({ kind: 'rate', text: error.problem.detail || 'Wait a minute, then try again.' });
      else setProblem({ kind: 'other', text: errorMessage(error) });
      setPassword('');
    } finally {
      setBusy(false);
    }
  };

  const reason = state.status === 'anonymous' ? state.reason : undefined;

  return (
    <AuthFrame title="Sign in" subtitle="Use the account your Weft administrator gave you.">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {reason === 'expired' && !problem && (
            <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
              Your session ended. Sign in again to continue.
            </Alert>
          )}
          {reason === 'logged-out' && !problem && (
            <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />}>
              You have signed out.
            </Alert>
          )}
          {problem && (
            <Alert
              color={problem.kind === 'rate' ? 'orange' : 'red'}
              variant="light"
              role="alert"
              icon={problem.kind === 'rate' ? <IconClockPause size={18} /> : <IconAlertCircle size={18} />}
              title={problem.kind === 'rate' ? 'Too many sign-in attempts' : undefined}
            >
              {problem.text}
            </Alert>
          )}
          <TextInput
            label="Username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            required
            autoFocus
          />
          <PasswordInput
            label="Password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
          />
          <Button type="submit" loading={busy} fullWidth mt="xs">
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
