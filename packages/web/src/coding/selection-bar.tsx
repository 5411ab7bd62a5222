import { Button, Kbd } from '@mantine/core';
import { IconQuote, IconTag } from '@tabler/icons-react';

/**
 * The small bar under a text selection: code it (opens the palette) or code it in vivo. Its
 * buttons keep the selection (mousedown would otherwise clear it).
 */
export function SelectionBar({
  rect,
  onCode,
  onInVivo,
}: {
  rect: { left: number; bottom: number };
  onCode: () => void;
  onInVivo: () => void;
}) {
  return (
    <div
      className="weft-selection-bar"
      style={{ left: Math.max(8, rect.left), top: rect.bottom + 8 }}
      data-testid="selection-bar"
    >
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconTag size={14} />}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onCode}
      >
        Code…{' '}
        <Kbd size="xs" ml={6}>
          c
        </Kbd>
      </Button>
      <Button
        size="compact-sm"
        variant="light"
        color="grape"
        leftSection={<IconQuote size={14} />}
        onMouseDown={(e) => e.preventDefault()}
        onClick={onInVivo}
      >
        In vivo{' '}
        <Kbd size="xs" ml={6}>
          v
        </Kbd>
      </Button>
    </div>
  );
}
