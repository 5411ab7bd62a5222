import { Badge, type BadgeProps } from '@mantine/core';
import type { ScreeningDecision } from '@weft/protocol';
import { DECISION_COLOR, DECISION_LABEL } from './stage-labels';

export function DecisionBadge({
  decision,
  ...props
}: { decision: ScreeningDecision | null | undefined } & Omit<BadgeProps, 'color' | 'children'>) {
  if (!decision)
    return (
      <Badge variant="outline" color="gray" {...props}>
        Undecided
      </Badge>
    );
  return (
    <Badge variant="light" color={DECISION_COLOR[decision]} {...props}>
      {DECISION_LABEL[decision]}
    </Badge>
  );
}
