import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { normaliseUsername, PASSWORD_MIN_LENGTH } from '@weft/core';
import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate } from 'react-router';
import { type AccountErrors, validateAccount } from '../accounts/validate-account';
import { endpoints } from '../api/endpoints';
import { errorMessage, fieldErrors } from '../api/problem';
import { useSession } from '../session/session-context';
import { AuthFrame } from '../ui/auth-frame';

/** First run: create the owner account, which is also the instance administrator. */
export function SetupPage() {
  const { state, signedIn } = useSession();
  const navigate = useNavigate();
  const [values, setValues] = useState({ username: '', displayName: '', password: '', confirm: '' });
  const [errors, setErrors] = useState<AccountErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (state.status !== 'setup') return <Navigate to="/" replace />;

  const set = (key: keyof typeof values) => (event: { currentTarget: { value: string } }) => {
    const value = event.currentTarget.value;
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateAccount(values);
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      const username = normaliseUsername(values.username);
      const session = await endpoints.setup({
        username: username.ok ? username.username : values.username,
        displayName: values.displayName.trim(),
        password: values.password,
      });
      signedIn(session);
      navigate('/', { replace: true });
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame
      title="Set up Weft"
      subtitle="Create the first account. It owns this Weft instance: it can create projects and add accounts for your team."
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" variant="light" role="alert" title="Setup did not complete">
              {failure}
            </Alert>
          )}
          <TextInput
            label="Your name"
            description="Shown to your team, e.g. in the activity feed."
            autoComplete="name"
            value={values.displayName}
            onChange={set('displayName')}
            error={errors.displayName}
            required
            data-autofocus
            autoFocus
          />
          <TextInput
            label="Username"
            description="What you type to sign in."
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={values.username}
            onChange={set('username')}
            error={errors.username}
            required
          />
          <PasswordInput
            label="Password"
            description={`At least ${PASSWORD_MIN_LENGTH} characters.`}
            autoComplete="new-password"
            value={values.password}
            onChange={set('password')}
            error={errors.password}
            required
          />
          <PasswordInput
            label="Repeat password"
            autoComplete="new-password"
            value={values.confirm}
            onChange={set('confirm')}
            error={errors.confirm}
            required
          />
          <Button type="submit" loading={busy} fullWidth mt="xs">
            Create owner account
          </Button>
        </Stack>
      </form>
    </AuthFrame>
  );
}
