import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { qdcExportUrl, qdpxExportUrl } from './qdpx-api';

/** Downloads of the project as REFI-QDA (.qdpx) and of its codebook (.qdc). */
export function QdpxExportButtons({ projectId }: { projectId: string }) {
  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="xs">
        <Title order={3} size="h5">
          Take the coding elsewhere
        </Title>
        <Text size="sm" c="dimmed">
          Documents, codebook and codings as REFI-QDA, which NVivo, ATLAS.ti and MAXQDA open.
        </Text>
        <Button
          component="a"
          href={qdpxExportUrl(projectId)}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
        >
          Export project (.qdpx)
        </Button>
        <Button
          component="a"
          href={qdcExportUrl(projectId)}
          download
          variant="default"
          leftSection={<IconDownload size={16} />}
        >
          Export codebook (.qdc)
        </Button>
      </Stack>
    </Paper>
  );
}
