import { Button, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Stack align="center" gap="sm" py="xl" ta="center">
      <Title order={1} fz="h3">
        Page not found
      </Title>
      <Text c="dimmed">The link may be mistyped, or the page has moved.</Text>
      <Button component={Link} to="/" variant="light">
        Back to all projects
      </Button>
    </Stack>
  );
}
