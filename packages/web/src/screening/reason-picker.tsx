import { Kbd, Stack, Text, UnstyledButton } from '@mantine/core';
import type { ReasonView } from '@weft/protocol';

/**
 * Exclusion reasons as toggle buttons, numbered for the keys 1–9. `asking` draws attention when an
 * exclusion waits for its reason (full text).
 */
export function ReasonPicker({
  reasons,
  selected,
  onToggle,
  asking,
  disabled,
}: {
  reasons: ReasonView[];
  selected: string[];
  onToggle: (reasonId: string) => void;
  asking: boolean;
  disabled?: boolean;
}) {
  if (reasons.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        No exclusion reasons at this stage.
      </Text>
    );
  return (
    <Stack
      gap={4}
      role="group"
      aria-label="Exclusion reasons"
      data-testid="reason-picker"
      p={asking ? 6 : 0}
      style={{
        borderRadius: 8,
        outline: asking ? '2px solid var(--mantine-color-red-5)' : undefined,
        transition: 'outline-color 120ms',
      }}
    >
      {[...reasons]
        .sort((a, b) => a.position - b.position)
        .map((reason) => {
          const on = selected.includes(reason.id);
          return (
            <UnstyledButton
              key={reason.id}
              onClick={() => onToggle(reason.id)}
              disabled={disabled}
              aria-pressed={on}
              data-testid={`reason-${reason.position}`}
              px="sm"
              py={6}
              style={{
                display: 'flex',
                alignItems: 'center',
                gap: 10,
                borderRadius: 6,
                border: `1px solid ${on ? 'var(--mantine-color-red-5)' : 'var(--mantine-color-gray-3)'}`,
                background: on ? 'var(--mantine-color-red-0)' : 'white',
                color: on ? 'var(--mantine-color-red-9)' : undefined,
                fontWeight: on ? 600 : 400,
              }}
            >
              {reason.position <= 9 ? <Kbd size="xs">{reason.position}</Kbd> : <span style={{ width: 18 }} />}
              <Text fz="sm" inherit>
                {reason.label}
              </Text>
            </UnstyledButton>
          );
        })}
    </Stack>
  );
}
