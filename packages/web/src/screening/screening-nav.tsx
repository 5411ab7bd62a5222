import { NavLink } from '@mantine/core';
import { IconChartBar, IconFilter, IconGitCompare, IconListCheck } from '@tabler/icons-react';
import { Link, matchPath } from 'react-router';
import { stagePath } from './stage-labels';
import { useStages } from './use-stages';

/**
 * The navbar's screening section: one link per stage (with what is left), and the conflicts and
 * agreement of the stage in view (or the first stage).
 */
export function ScreeningNav({ projectId, pathname }: { projectId: string; pathname: string }) {
  const { stages } = useStages();
  const base = `/projects/${projectId}/screening`;
  const match = matchPath('/projects/:projectId/screening/:stageKey/*', pathname);
  const activeKey = match?.params.stageKey ? decodeURIComponent(match.params.stageKey) : undefined;
  const focus = stages?.find((s) => s.key === activeKey) ?? stages?.[0];
  if (!stages || stages.length === 0)
    return (
      <NavLink
        component={Link}
        to={base}
        label="Set up screening"
        leftSection={<IconFilter size={18} stroke={1.6} />}
        active={pathname === base}
      />
    );
  return (
    <>
      {stages.map((stage) => {
        const to = stagePath(projectId, stage.key);
        return (
          <NavLink
            key={stage.id}
            component={Link}
            to={to}
            label={stage.name}
            description={`${stage.progress.myQueue.toLocaleString()} in my queue`}
            leftSection={<IconListCheck size={18} stroke={1.6} />}
            active={activeKey === stage.key && !/\/(conflicts|agreement)$/.test(pathname)}
          />
        );
      })}
      {focus && (
        <>
          <NavLink
            component={Link}
            to={stagePath(projectId, focus.key, 'conflicts')}
            label="Conflicts"
            description={`${focus.name}: ${focus.progress.conflicts} open`}
            leftSection={<IconGitCompare size={18} stroke={1.6} />}
            active={pathname === stagePath(projectId, focus.key, 'conflicts')}
          />
          <NavLink
            component={Link}
            to={stagePath(projectId, focus.key, 'agreement')}
            label="Agreement"
            description={focus.name}
            leftSection={<IconChartBar size={18} stroke={1.6} />}
            active={pathname === stagePath(projectId, focus.key, 'agreement')}
          />
        </>
      )}
    </>
  );
}
