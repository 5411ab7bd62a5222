import { Group, Text } from '@mantine/core';

/** The Weft mark: warp and weft threads. */
export function LogoMark({ size = 26 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true">
      <rect width="32" height="32" rx="7" fill="var(--mantine-color-weft-9)" />
      <path d="M7 10h18M7 16h18M7 22h18" stroke="#cde6ee" strokeWidth="2.4" strokeLinecap="round" />
      <path d="M11 6v20M21 6v20" stroke="#ffffff" strokeWidth="2.4" strokeLinecap="round" />
    </svg>
  );
}

export function Logo({ size = 26 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <LogoMark size={size} />
      <Text fw={700} fz={size * 0.72} lh={1} c="dark.8" style={{ letterSpacing: '-0.01em' }}>
        Weft
      </Text>
    </Group>
  );
}
