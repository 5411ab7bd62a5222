import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import type { ReactNode } from 'react';

/** Shown after a 409: someone else saved first. Show what is there now; let the user choose. */
export function ConflictNotice({
  children,
  onOverwrite,
  onDiscard,
  busy,
}: {
  children: ReactNode;
  onOverwrite: () => void;
  onDiscard: () => void;
  busy?: boolean;
}) {
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconGitMerge size={18} />}
      title="Someone else changed this while you were editing"
      role="alert"
    >
      <Stack gap="sm">
        <Text fz="sm">{children}</Text>
        <Group gap="sm">
          <Button size="xs" color="orange" onClick={onOverwrite} loading={busy}>
            Save mine anyway
          </Button>
          <Button size="xs" variant="default" onClick={onDiscard}>
            Keep theirs
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
