import { Kbd, Modal, Table, Text } from '@mantine/core';
import { SCREENING_KEYS } from './screening-keys';

export function ScreeningKeysModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="md">
      <Table verticalSpacing={6} data-testid="screening-keys">
        <Table.Tbody>
          {SCREENING_KEYS.map(({ keys, does }) => (
            <Table.Tr key={does}>
              <Table.Td w={110}>
                {keys.map((key) =>
                  key === '…' ? (
                    <Text key={key} span mr={4}>
                      …
                    </Text>
                  ) : (
                    <Kbd key={key} mr={4}>
                      {key}
                    </Kbd>
                  ),
                )}
              </Table.Td>
              <Table.Td fz="sm">{does}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text fz="xs" c="dimmed" mt="sm">
        Keys do nothing while you type in a field. Your decisions are saved as you go; the next record is
        already loaded.
      </Text>
    </Modal>
  );
}
