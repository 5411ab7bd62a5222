import { WeftError } from '@weft/core';
import { type InstanceAction, mayDoOnInstance } from '../policies/instance-policy.js';
import { mayDo, type ProjectAction } from '../policies/project-policy.js';
import type { CommandContext } from './command-handler.js';

export function requireProjectAction(context: CommandContext, action: ProjectAction): void {
  if (!mayDo(context.role, action)) {
    throw new WeftError(
      'forbidden',
      `Your role (${context.role ?? 'not a member'}) does not allow ${action}.`,
      {
        action,
      },
    );
  }
}

export function requireInstanceAction(context: CommandContext, action: InstanceAction): void {
  if (!mayDoOnInstance(context.actor, action)) {
    throw new WeftError('forbidden', `Only an instance administrator may ${action.replace('.', ' ')}.`, {
      action,
    });
  }
}

export function projectOf(context: CommandContext) {
  if (!context.project) throw new Error('project command run without a project');
  return context.project;
}

export function staleVersion(what: string, current: unknown): WeftError {
  return new WeftError(
    'stale-version',
    `The ${what} was changed by someone else since you loaded it. Review the current version and try again.`,
    { current },
  );
}
