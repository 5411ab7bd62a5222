import type { ScreeningDecision, ScreeningMode, StageView } from '@weft/protocol';

export const DECISION_LABEL: Record<ScreeningDecision, string> = {
  include: 'Include',
  exclude: 'Exclude',
  maybe: 'Maybe',
};

/** Include green, exclude red, maybe amber: the same three colours everywhere in screening. */
export const DECISION_COLOR: Record<ScreeningDecision, string> = {
  include: 'teal',
  exclude: 'red',
  maybe: 'yellow',
};

export function modeLabel(stage: Pick<StageView, 'mode' | 'samplePercent'>): string {
  const labels: Record<ScreeningMode, string> = {
    single: 'Single screening',
    dual: 'Dual screening',
    sample: `Dual on a ${stage.samplePercent ?? 0}% sample`,
  };
  return labels[stage.mode];
}

export function stagePath(projectId: string, stageKey: string, tab = ''): string {
  return `/projects/${projectId}/screening/${encodeURIComponent(stageKey)}${tab ? `/${tab}` : ''}`;
}

export function percent(value: number | null | undefined, digits = 0): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return `${(value * 100).toFixed(digits)}%`;
}

export function fixed(value: number | null | undefined, digits = 2): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  return value.toFixed(digits);
}
