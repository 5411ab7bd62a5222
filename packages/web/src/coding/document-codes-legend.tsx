import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import type { CodeInfo } from './code-colours';

export interface LegendEntry {
  lane: number;
  code: CodeInfo | undefined;
  codeId: string;
  coderName?: string;
  count: number;
}

/** The stripes' key: which code (and coder) each lane is, with its count here; hover to highlight. */
export function DocumentCodesLegend(props: {
  entries: readonly LegendEntry[];
  hoveredLane: number | null;
  onHoverLane: (lane: number | null) => void;
  onOpen: (codeId: string) => void;
}) {
  if (props.entries.length === 0)
    return (
      <Text fz="sm" c="dimmed">
        Nothing is coded in this document yet. Select text, then press <b>c</b>.
      </Text>
    );
  return (
    <Stack gap={2} data-testid="document-codes">
      {props.entries.map((entry) => (
        <UnstyledButton
          key={entry.lane}
          onMouseEnter={() => props.onHoverLane(entry.lane)}
          onMouseLeave={() => props.onHoverLane(null)}
          onClick={() => props.onOpen(entry.codeId)}
          title="Open this code’s segments"
          px={6}
          py={3}
          style={{
            borderRadius: 6,
            background: props.hoveredLane === entry.lane ? 'var(--mantine-color-gray-1)' : undefined,
          }}
        >
          <Group gap={8} wrap="nowrap">
            <span
              style={{
                width: 5,
                height: 16,
                borderRadius: 3,
                background: entry.code?.colour ?? '#868e96',
                flex: 'none',
              }}
            />
            <Text fz="sm" truncate style={{ flex: 1 }}>
              {entry.code?.name ?? 'Unknown code'}
              {entry.coderName && (
                <Text span c="dimmed" fz="xs">
                  {' '}
                  · {entry.coderName}
                </Text>
              )}
            </Text>
            <Text fz="xs" c="dimmed" ff="monospace">
              {entry.count}
            </Text>
          </Group>
        </UnstyledButton>
      ))}
    </Stack>
  );
}
