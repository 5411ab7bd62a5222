import { Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Logo } from './logo';

/** The centred card used by the setup and sign-in screens. */
export function AuthFrame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  useDocumentTitle(`${title} · Weft`);
  return (
    <Center mih="100vh" p="md" component="main">
      <Box w="100%" maw={420}>
        <Stack gap="lg">
          <Center>
            <Logo size={34} />
          </Center>
          <Paper withBorder shadow="xs" p="xl" radius="lg">
            <Stack gap="xs" mb="lg">
              <Title order={1} fz="h3">
                {title}
              </Title>
              {subtitle && (
                <Text c="dimmed" fz="sm">
                  {subtitle}
                </Text>
              )}
            </Stack>
            {children}
          </Paper>
          <Text ta="center" c="dimmed" fz="xs">
            Weft — a workbench for systematic reviews and evidence synthesis
          </Text>
        </Stack>
      </Box>
    </Center>
  );
}
