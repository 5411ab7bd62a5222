import { Button, Center, Loader, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useSession } from './session-context';

/** Holds the app back until we know whether the instance is set up and who is signed in. */
export function SessionGate({ children }: { children: ReactNode }) {
  const { state, retry } = useSession();
  if (state.status === 'loading')
    return (
      <Center h="100vh" aria-busy="true">
        <Loader aria-label="Loading Weft" />
      </Center>
    );
  if (state.status === 'unreachable')
    return (
      <Center h="100vh">
        <Stack align="center" gap="sm" maw={420} ta="center">
          <Title order={2}>Weft is not answering</Title>
          <Text c="dimmed">{state.message}</Text>
          <Button onClick={retry}>Try again</Button>
        </Stack>
      </Center>
    );
  return <>{children}</>;
}
