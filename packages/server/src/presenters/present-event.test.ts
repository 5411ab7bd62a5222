import type { ProjectEvent } from '@weft/core';
import { describe, expect, it } from 'vitest';
import { type EventViewer, followRole, presentEvent } from './present-event.js';

const decided: ProjectEvent = {
  type: 'event',
  projectId: 'p',
  seq: 7,
  commandId: 'c',
  actorId: 'ana',
  actorName: 'Ana',
  eventType: 'screening.decided',
  payload: { stageId: 's', recordId: 'r', decisionId: 'd', decision: 'exclude', reasonIds: ['x'], note: 'n' },
  at: '2026-11-23T10:00:00.000Z',
};

describe('presentEvent', () => {
  it('hides the verdict, reasons and note from reviewers who did not decide', () => {
    expect(presentEvent(decided, { userId: 'ben', role: 'reviewer' }).payload).toEqual({
      stageId: 's',
      recordId: 'r',
      blinded: true,
    });
    expect(presentEvent(decided, { userId: 'vic', role: 'viewer' }).payload).not.toHaveProperty('decision');
  });

  it('shows everything to the one who decided and to leads and owners', () => {
    for (const viewer of [
      { userId: 'ana', role: 'reviewer' },
      { userId: 'lena', role: 'lead' },
      { userId: 'olive', role: 'owner' },
    ] as EventViewer[])
      expect(presentEvent(decided, viewer)).toBe(decided);
  });

  it('leaves other events alone', () => {
    const other = { ...decided, eventType: 'stage.closed', payload: { name: 'Full text' } };
    expect(presentEvent(other, { userId: 'ben', role: 'viewer' })).toBe(other);
  });

  it('follows a role change of the viewer on the feed', () => {
    const viewer: EventViewer = { userId: 'ben', role: 'lead' };
    followRole(viewer, {
      ...decided,
      eventType: 'member.role-changed',
      payload: { userId: 'ben', role: 'reviewer' },
    });
    expect(presentEvent(decided, viewer).payload).not.toHaveProperty('decision');
  });
});

describe('presentEvent for model.trained', () => {
  const trained: ProjectEvent = {
    ...decided,
    actorId: 'system',
    eventType: 'model.trained',
    payload: { stageId: 's', version: 3, includes: 4, excludes: 9, settings: { classifier: 'svm' } },
  };
  it('keeps the label counts from reviewers (they move with single decisions) but not from leads', () => {
    expect(presentEvent(trained, { userId: 'ben', role: 'reviewer' }).payload).toEqual({
      stageId: 's',
      version: 3,
      settings: { classifier: 'svm' },
      blinded: true,
    });
    expect(presentEvent(trained, { userId: 'lena', role: 'lead' })).toBe(trained);
  });
});
