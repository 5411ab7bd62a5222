import { Badge } from '@mantine/core';
import type { Role } from '@weft/core';

const COLOR: Record<Role, string> = { owner: 'weft', lead: 'indigo', reviewer: 'teal', viewer: 'gray' };

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge color={COLOR[role]} variant="light" radius="sm" tt="capitalize" fw={600} style={{ flexShrink: 0 }}>
      {role}
    </Badge>
  );
}
