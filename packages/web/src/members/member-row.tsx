import { ActionIcon, Avatar, Group, Select, Table, Text, Tooltip } from '@mantine/core';
import { IconUserMinus } from '@tabler/icons-react';
import { type Member, ROLES, type Role } from '@weft/core';
import { mayAssign } from '../project/permissions';
import { initials } from '../ui/initials';
import { RoleBadge } from '../ui/role-badge';

export function MemberRow({
  member,
  actorRole,
  isSelf,
  canManage,
  busy,
  onChangeRole,
  onRemove,
}: {
  member: Member;
  actorRole: Role;
  isSelf: boolean;
  canManage: boolean;
  busy: boolean;
  onChangeRole: (role: Role) => void;
  onRemove: () => void;
}) {
  const editable = canManage && mayAssign(actorRole, member.role, undefined);
  const options = ROLES.filter((r) => r === member.role || mayAssign(actorRole, member.role, r)).map((r) => ({
    value: r,
    label: r[0]?.toUpperCase() + r.slice(1),
  }));
  return (
    <Table.Tr data-testid="member-row" data-username={member.username}>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar size={34} radius="xl" color="weft" variant="light" aria-hidden="true">
            {initials(member.displayName)}
          </Avatar>
          <div>
            <Text fz="sm" fw={500}>
              {member.displayName}
              {isSelf && (
                <Text span c="dimmed" fz="sm">
                  {' '}
                  (you)
                </Text>
              )}
            </Text>
            <Text fz="xs" c="dimmed">
              {member.username}
            </Text>
          </div>
        </Group>
      </Table.Td>
      <Table.Td>
        {editable ? (
          <Select
            aria-label={`Role of ${member.displayName}`}
            data={options}
            value={member.role}
            onChange={(v) => v && v !== member.role && onChangeRole(v as Role)}
            allowDeselect={false}
            disabled={busy}
            size="xs"
            w={140}
          />
        ) : (
          <RoleBadge role={member.role} />
        )}
      </Table.Td>
      {canManage && (
        <Table.Td ta="right">
          {editable && (
            <Tooltip label={isSelf ? 'Leave the project' : `Remove ${member.displayName}`} withArrow>
              <ActionIcon
                variant="subtle"
                color="red"
                onClick={onRemove}
                disabled={busy}
                aria-label={isSelf ? 'Leave the project' : `Remove ${member.displayName}`}
              >
                <IconUserMinus size={18} />
              </ActionIcon>
            </Tooltip>
          )}
        </Table.Td>
      )}
    </Table.Tr>
  );
}
