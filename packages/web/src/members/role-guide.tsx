import { Card, Group, Stack, Text, Title } from '@mantine/core';
import { ROLES } from '@weft/core';
import { RoleBadge } from '../ui/role-badge';
import { ROLE_DESCRIPTIONS } from '../ui/roles';

export function RoleGuide() {
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} fz="lg" mb="sm">
        Roles
      </Title>
      <Stack gap="sm">
        {ROLES.map((role) => (
          <Group key={role} gap="sm" wrap="nowrap" align="flex-start">
            <div style={{ width: 84, flexShrink: 0 }}>
              <RoleBadge role={role} />
            </div>
            <Text fz="sm" c="dark.4">
              {ROLE_DESCRIPTIONS[role]}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}
