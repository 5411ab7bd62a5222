import { Alert, Card, Grid, Stack, Table } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLock } from '@tabler/icons-react';
import type { Member, Role } from '@weft/core';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sendCommand } from '../api/commands';
import { errorMessage, isApiError } from '../api/problem';
import { AddMemberForm } from '../members/add-member-form';
import { MemberRow } from '../members/member-row';
import { RemoveMemberModal } from '../members/remove-member-modal';
import { RoleGuide } from '../members/role-guide';
import { can } from '../project/permissions';
import { useProject } from '../project/project-context';
import { ProjectGate } from '../project/project-gate';
import { useCurrentUser } from '../session/session-context';
import { LoadError } from '../ui/load-error';
import { PageHeader } from '../ui/page-header';

const ROLE_ORDER: Record<Role, number> = { owner: 0, lead: 1, reviewer: 2, viewer: 3 };

export function MembersPage() {
  const { projectId, members, membersResource, projectResource } = useProject();
  const me = useCurrentUser();
  const navigate = useNavigate();
  const [busy, setBusy] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);

  const refresh = () => {
    void membersResource.reload();
    void projectResource.reload();
  };

  const changeRole = async (member: Member, role: Role) => {
    setBusy(member.userId);
    try {
      await sendCommand(
        'member.change-role',
        { userId: member.userId, role, expectedVersion: member.version },
        projectId,
      );
      notifications.show({ color: 'teal', message: `${member.displayName} is now ${role}.` });
    } catch (error) {
      const current =
        isApiError(error) && error.status === 409 ? (error.problem.current as Member | undefined) : undefined;
      notifications.show({
        color: current ? 'orange' : 'red',
        title: current ? 'Changed by someone else' : 'Role not changed',
        message: current
          ? `${member.displayName} was made ${current.role} by someone else a moment ago. The list now shows the current roles; change it again if you still need to.`
          : errorMessage(error),
        autoClose: current ? 10_000 : 6_000,
      });
    } finally {
      setBusy(null);
      refresh();
    }
  };

  const remove = async () => {
    const member = removing;
    if (!member) return;
    setBusy(member.userId);
    try {
      await sendCommand('member.remove', { userId: member.userId }, projectId);
      setRemoving(null);
      if (member.userId === me.id) return navigate('/');
      notifications.show({ color: 'teal', message: `${member.displayName} was removed from the project.` });
    } catch (error) {
      notifications.show({ color: 'red', title: 'Not removed', message: errorMessage(error) });
    } finally {
      setBusy(null);
      refresh();
    }
  };

  return (
    <ProjectGate>
      {(project, role) => {
        const canManage = can(role, 'member.manage');
        const sorted = [...(members ?? [])].sort(
          (a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role] || a.displayName.localeCompare(b.displayName),
        );
        return (
          <>
            <PageHeader
              title="Members"
              description={`Who works on “${project.name}”, and what each of them may do.`}
            />
            <Grid gap="lg">
              <Grid.Col span={{ base: 12, md: 8 }}>
                <Stack gap="lg">
                  {canManage ? (
                    <AddMemberForm
                      projectId={projectId}
                      actorRole={role}
                      members={members ?? []}
                      onAdded={(message) => {
                        notifications.show({ color: 'teal', message });
                        refresh();
                      }}
                    />
                  ) : (
                    <Alert
                      color="gray"
                      variant="light"
                      icon={<IconLock size={18} />}
                      data-testid="members-readonly"
                    >
                      You are a {role} on this project. Only owners and leads can add members or change roles.
                    </Alert>
                  )}
                  {membersResource.error !== undefined && !members ? (
                    <LoadError
                      error={membersResource.error}
                      what="the members"
                      onRetry={membersResource.reload}
                    />
                  ) : (
                    <Card withBorder radius="md" padding={0}>
                      <Table verticalSpacing="sm" horizontalSpacing="lg" highlightOnHover>
                        <Table.Thead>
                          <Table.Tr>
                            <Table.Th>Name</Table.Th>
                            <Table.Th w={170}>Role</Table.Th>
                            {canManage && (
                              <Table.Th w={70}>
                                <span className="visually-hidden">Actions</span>
                              </Table.Th>
                            )}
                          </Table.Tr>
                        </Table.Thead>
                        <Table.Tbody>
                          {sorted.map((member) => (
                            <MemberRow
                              key={member.userId}
                              member={member}
                              actorRole={role}
                              isSelf={member.userId === me.id}
                              canManage={canManage}
                              busy={busy === member.userId}
                              onChangeRole={(r) => void changeRole(member, r)}
                              onRemove={() => setRemoving(member)}
                            />
                          ))}
                        </Table.Tbody>
                      </Table>
                    </Card>
                  )}
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, md: 4 }}>
                <RoleGuide />
              </Grid.Col>
            </Grid>
            <RemoveMemberModal
              member={removing}
              isSelf={removing?.userId === me.id}
              busy={busy !== null}
              onConfirm={() => void remove()}
              onClose={() => setRemoving(null)}
            />
          </>
        );
      }}
    </ProjectGate>
  );
}
