import { Button, Group, Kbd, Stack, TextInput } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconNote, IconQuestionMark, IconX } from '@tabler/icons-react';
import type { ScreeningDecision } from '@weft/protocol';
import type { Ref } from 'react';

/**
 * Include / maybe / exclude and undo, each with its key shown on the button, and the note that
 * goes with the next decision (`n` focuses it; Esc or Enter gives the keys back).
 */
export function DecisionBar({
  onDecide,
  onUndo,
  canUndo,
  disabled,
  note,
  onNoteChange,
  noteRef,
  compact = false,
}: {
  onDecide: (decision: ScreeningDecision) => void;
  onUndo: () => void;
  canUndo: boolean;
  disabled: boolean;
  note?: string;
  onNoteChange?: (note: string) => void;
  noteRef?: Ref<HTMLInputElement>;
  /** Smaller buttons, for a narrow column (the full-text stage puts the PDF beside the record). */
  compact?: boolean;
}) {
  const size = compact ? 'sm' : 'md';
  const kbd = (key: string) => (
    <Kbd
      ml={10}
      size="xs"
      style={{ background: 'rgba(255,255,255,0.85)', color: 'var(--mantine-color-dark-6)' }}
    >
      {key}
    </Kbd>
  );
  const bar = (
    <Group justify="space-between" data-testid="decision-bar">
      <Group gap="sm">
        <Button
          color="teal"
          size={size}
          leftSection={<IconCheck size={18} />}
          disabled={disabled}
          onClick={() => onDecide('include')}
        >
          Include {kbd('i')}
        </Button>
        <Button
          color="yellow"
          variant="light"
          size={size}
          leftSection={<IconQuestionMark size={18} />}
          disabled={disabled}
          onClick={() => onDecide('maybe')}
          styles={{ root: { color: 'var(--mantine-color-yellow-9)' } }}
        >
          Maybe {kbd('m')}
        </Button>
        <Button
          color="red"
          size={size}
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
  if (!onNoteChange) return bar;
  return (
    <Stack gap={8} style={{ flex: 1 }}>
      {bar}
      <TextInput
        ref={noteRef}
        aria-label="Note"
        data-testid="decision-note"
        placeholder="Note for this decision (optional)"
        leftSection={<IconNote size={16} />}
        rightSection={
          <Kbd size="xs" mr={6}>
            n
          </Kbd>
        }
        rightSectionWidth={34}
        maxLength={20_000}
        disabled={disabled}
        value={note ?? ''}
        onChange={(event) => onNoteChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          // The note is written; the keys (i, e, m…) decide again.
          if (event.key === 'Escape' || event.key === 'Enter') {
            event.preventDefault();
            event.stopPropagation();
            event.currentTarget.blur();
          }
        }}
      />
    </Stack>
  );
}
