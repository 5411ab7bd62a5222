import { Group, Kbd, Modal, Stack, Text } from '@mantine/core';
import { CODING_KEYS } from './coding-keys';

export function CodingKeysModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard" size="lg">
      <Stack gap="xs">
        {CODING_KEYS.map((row) => (
          <Group key={row.does} gap="md" wrap="nowrap" align="flex-start">
            <Group gap={4} w={150} wrap="nowrap" style={{ flex: 'none' }}>
              {row.keys.map((k) =>
                k === 'shortcut' ? (
                  <Text key={k} fz="sm" c="dimmed">
                    a code’s key
                  </Text>
                ) : (
                  <Kbd key={k}>{k}</Kbd>
                ),
              )}
            </Group>
            <Text fz="sm">{row.does}</Text>
          </Group>
        ))}
        <Text fz="xs" c="dimmed" mt="xs">
          Select text with the mouse (or Shift+arrows after a click). Drag a selection onto a code in the
          codebook to apply it.
        </Text>
      </Stack>
    </Modal>
  );
}
