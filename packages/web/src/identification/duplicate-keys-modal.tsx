import { Kbd, Modal, Table } from '@mantine/core';

export const DUPLICATE_KEYS: Array<[string[], string]> = [
  [['d'], 'Duplicate: merge the two records'],
  [['n'], 'Not a duplicate: keep both'],
  [['←', '→'], 'Previous / next pair'],
  [['u'], 'Undo the last answer'],
  [['?'], 'Show these keys'],
];

export function DuplicateKeysModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="sm">
      <Table verticalSpacing={6} data-testid="duplicate-keys">
        <Table.Tbody>
          {DUPLICATE_KEYS.map(([keys, meaning]) => (
            <Table.Tr key={meaning}>
              <Table.Td w={90}>
                {keys.map((key) => (
                  <Kbd key={key} mr={4}>
                    {key}
                  </Kbd>
                ))}
              </Table.Td>
              <Table.Td fz="sm">{meaning}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
