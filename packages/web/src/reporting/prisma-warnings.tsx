import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { PrismaResponse } from '@weft/protocol';

type Warning = PrismaResponse['warnings'][number];

/** Where the diagram's arithmetic is not final yet (unscreened records, reports without a decision…). */
export function PrismaWarnings({
  warnings,
  onOpen,
}: {
  warnings: Warning[];
  onOpen: (warning: Warning) => void;
}) {
  if (warnings.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      icon={<IconAlertTriangle size={18} />}
      title={`The diagram is not final: ${warnings.length} ${warnings.length === 1 ? 'thing' : 'things'} to check`}
    >
      <Stack gap={6}>
        {warnings.map((warning) => (
          <Group key={warning.code} justify="space-between" wrap="nowrap" gap="sm">
            <Text fz="sm">{warning.message}</Text>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => onOpen(warning)}
              aria-label={`Show the ${warning.count} records: ${warning.message}`}
              style={{ flexShrink: 0 }}
            >
              Show {warning.count}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
