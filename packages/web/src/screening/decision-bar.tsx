import { Button, Group, Kbd } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconQuestionMark, IconX } from '@tabler/icons-react';
import type { ScreeningDecision } from '@weft/protocol';

/** Include / maybe / exclude and undo, each with its key shown on the button. */
export function DecisionBar({
  onDecide,
  onUndo,
  canUndo,
  disabled,
}: {
  onDecide: (decision: ScreeningDecision) => void;
  onUndo: () => void;
  canUndo: boolean;
  disabled: boolean;
}) {
  const kbd = (key: string) => (
    <Kbd
      ml={10}
      size="xs"
      style={{ background: 'rgba(255,255,255,0.85)', color: 'var(--mantine-color-dark-6)' }}
    >
      {key}
    </Kbd>
  );
  return (
    <Group justify="space-between" data-testid="decision-bar">
      <Group gap="sm">
        <Button
          color="teal"
          size="md"
          leftSection={<IconCheck size={18} />}
          disabled={disabled}
          onClick={() => onDecide('include')}
        >
          Include {kbd('i')}
        </Button>
        <Button
          color="yellow"
          variant="light"
          size="md"
          leftSection={<IconQuestionMark size={18} />}
          disabled={disabled}
          onClick={() => onDecide('maybe')}
          styles={{ root: { color: 'var(--mantine-color-yellow-9)' } }}
        >
          Maybe {kbd('m')}
        </Button>
        <Button
          color="red"
          size="md"
          leftSection={<IconX size={18} />}
          disabled={disabled}
          onClick={() => onDecide('exclude')}
        >
          Exclude {kbd('e')}
        </Button>
      </Group>
      <Button
        variant="subtle"
        color="gray"
        leftSection={<IconArrowBackUp size={16} />}
        disabled={!canUndo}
        onClick={onUndo}
      >
        Undo{' '}
        <Kbd ml={8} size="xs">
          u
        </Kbd>
      </Button>
    </Group>
  );
}
