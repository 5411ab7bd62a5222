import { Avatar, Card, Group, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { Member, Project, Role } from '@weft/core';
import { initials } from '../ui/initials';
import { RoleBadge } from '../ui/role-badge';
import { shortDate } from '../ui/time';

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <Group justify="space-between" wrap="nowrap" gap="sm">
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      {children}
    </Group>
  );
}

/** Who is on the project, when it started, and the caller's role. */
export function ProjectFacts({
  project,
  role,
  members,
}: {
  project: Project;
  role: Role;
  members?: Member[];
}) {
  const creator = members?.find((m) => m.userId === project.createdBy);
  return (
    <Card withBorder radius="md" padding="lg">
      <Title order={2} fz="lg" mb="sm">
        About
      </Title>
      <Stack gap="xs">
        <Row label="Your role">
          <RoleBadge role={role} />
        </Row>
        <Row label="Created">
          <Text fz="sm">
            {shortDate(project.createdAt)}
            {creator ? ` by ${creator.displayName}` : ''}
          </Text>
        </Row>
        <Row label="Team">
          <Avatar.Group spacing={4}>
            {(members ?? []).slice(0, 5).map((m) => (
              <Tooltip key={m.userId} label={`${m.displayName} · ${m.role}`} withArrow>
                <Avatar size={28} radius="xl" color="weft" variant="light">
                  {initials(m.displayName)}
                </Avatar>
              </Tooltip>
            ))}
            {(members?.length ?? 0) > 5 && (
              <Avatar size={28} radius="xl">
                +{(members?.length ?? 0) - 5}
              </Avatar>
            )}
          </Avatar.Group>
        </Row>
      </Stack>
    </Card>
  );
}
