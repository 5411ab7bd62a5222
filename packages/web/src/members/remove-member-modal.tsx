import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import type { Member } from '@weft/core';

export function RemoveMemberModal({
  member,
  isSelf,
  busy,
  onConfirm,
  onClose,
}: {
  member: Member | null;
  isSelf: boolean;
  busy: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={member !== null}
      onClose={onClose}
      title={isSelf ? 'Leave this project?' : `Remove ${member?.displayName ?? ''}?`}
      centered
    >
      <Stack gap="md">
        <Text fz="sm">
          {isSelf
            ? 'You will lose access to this project straight away.'
            : `${member?.displayName} will lose access to this project. Their past decisions and edits stay in the project and its history.`}
        </Text>
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button color="red" loading={busy} onClick={onConfirm}>
            {isSelf ? 'Leave project' : 'Remove member'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
