import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import type { PrismaResponse } from '@weft/protocol';

type Message = PrismaResponse['warnings'][number] | PrismaResponse['notes'][number];

/**
 * The flow's messages beside the diagram, each opening the records it is about. Warnings say where
 * the arithmetic is not final yet (unscreened records, reports without a decision…); notes say
 * what the numbers rest on that needs no action (records a stopping rule left unscreened), so
 * they are kept apart and drawn as information.
 */
export function PrismaMessages({
  kind,
  messages,
  onOpen,
}: {
  kind: 'warnings' | 'notes';
  messages: Message[];
  onOpen: (message: Message) => void;
}) {
  if (messages.length === 0) return null;
  const warning = kind === 'warnings';
  const things = `${messages.length} ${messages.length === 1 ? 'thing' : 'things'}`;
  return (
    <Alert
      color={warning ? 'yellow' : 'blue'}
      variant="light"
      icon={warning ? <IconAlertTriangle size={18} /> : <IconInfoCircle size={18} />}
      title={warning ? `The diagram is not final: ${things} to check` : 'How these numbers were reached'}
    >
      <Stack gap={6}>
        {messages.map((message) => (
          <Group key={message.code} justify="space-between" wrap="nowrap" gap="sm">
            <Text fz="sm">{message.message}</Text>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => onOpen(message)}
              aria-label={`Show the ${message.count} records: ${message.message}`}
              style={{ flexShrink: 0 }}
            >
              Show {message.count}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
