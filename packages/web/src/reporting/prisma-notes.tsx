import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { PrismaResponse } from '@weft/protocol';

type Note = PrismaResponse['notes'][number];

/**
 * What the numbers rest on that needs no action, such as records a stopping rule left unscreened:
 * information beside the diagram, kept apart from the warnings that say it is not final.
 */
export function PrismaNotes({ notes, onOpen }: { notes: Note[]; onOpen: (note: Note) => void }) {
  if (notes.length === 0) return null;
  return (
    <Alert
      color="blue"
      variant="light"
      icon={<IconInfoCircle size={18} />}
      title="How these numbers were reached"
    >
      <Stack gap={6}>
        {notes.map((note) => (
          <Group key={note.code} justify="space-between" wrap="nowrap" gap="sm">
            <Text fz="sm">{note.message}</Text>
            <Button
              size="compact-xs"
              variant="default"
              onClick={() => onOpen(note)}
              aria-label={`Show the ${note.count} records: ${note.message}`}
              style={{ flexShrink: 0 }}
            >
              Show {note.count}
            </Button>
          </Group>
        ))}
      </Stack>
    </Alert>
  );
}
