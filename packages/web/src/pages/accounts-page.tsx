import { Alert, Grid, Skeleton } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { AccountList } from '../accounts/account-list';
import { CreateAccountForm } from '../accounts/create-account-form';
import { endpoints } from '../api/endpoints';
import { useResource } from '../api/use-resource';
import { useCurrentUser } from '../session/session-context';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

export function AccountsPage() {
  const me = useCurrentUser();
  const users = useResource(me.isAdmin ? 'users' : null, endpoints.users);
  if (!me.isAdmin)
    return (
      <>
        <PageHeader title="Accounts" />
        <Alert color="gray" variant="light" icon={<IconLock size={18} />}>
          Only instance administrators manage accounts. Ask your Weft administrator to create an account for a
          new colleague.
        </Alert>
      </>
    );
  return (
    <>
      <PageHeader
        title="Accounts"
        description="Everyone who can sign in to this Weft instance. Create an account for each person on your review team."
      />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <CreateAccountForm onCreated={() => void users.reload()} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          {users.data ? (
            <AccountList users={users.data.users} selfId={me.id} />
          ) : users.error !== undefined ? (
            <LoadError error={users.error} what="the accounts" onRetry={users.reload} />
          ) : (
            <Skeleton height={200} radius="md" />
          )}
        </Grid.Col>
      </Grid>
    </>
  );
}
