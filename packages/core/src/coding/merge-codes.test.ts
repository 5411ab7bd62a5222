import { describe, expect, it } from 'vitest';
import { isWeftError } from '../errors.js';
import { type CodingState, childrenOf, codingsOf } from './code.js';
import { createCode } from './codebook-operations.js';
import { uncode } from './coding-operations.js';
import { mergeCodes, splitCode, unmergeCode } from './merge-codes.js';
import { applyAll, coded, emptyCodingState } from './test-support.js';

/** Two near-synonyms, each with codings and a child; a target with a child of its own. */
function state(): CodingState {
  return applyAll(
    emptyCodingState(),
    (s) => createCode(s, { id: 'info', name: 'Information' }),
    (s) => createCode(s, { id: 'info-kid', parentId: 'info', name: 'Written' }),
    (s) => createCode(s, { id: 'comm', name: 'Communication' }),
    (s) => createCode(s, { id: 'comm-kid', parentId: 'comm', name: 'Verbal' }),
    (s) => createCode(s, { id: 'talk', name: 'Talking' }),
    (s) => createCode(s, { id: 'talk-kid', parentId: 'talk', name: 'Phone' }),
    coded('i1', 'info', 'nobody told me'),
    coded('c1', 'comm', 'nobody told me when I could go home'),
    coded('c2', 'comm', 'The nurses were lovely'),
    coded('t1', 'talk', 'I felt like a parcel'),
  );
}

const codingCodes = (s: CodingState) =>
  Object.fromEntries(Object.values(s.codings).map((c) => [c.id, c.codeId]));

describe('mergeCodes and unmergeCode', () => {
  it('moves codings and children to the target and records what moved', () => {
    const before = state();
    const change = mergeCodes(before, ['comm', 'talk'], 'info');
    expect(change).toEqual({
      eventType: 'code.merged',
      payload: {
        targetId: 'info',
        sources: [
          {
            codeId: 'comm',
            targetId: 'info',
            codingIds: ['c1', 'c2'],
            children: [{ codeId: 'comm-kid', position: 0, targetPosition: 1 }],
          },
          {
            codeId: 'talk',
            targetId: 'info',
            codingIds: ['t1'],
            children: [{ codeId: 'talk-kid', position: 0, targetPosition: 2 }],
          },
        ],
      },
    });
    const after = applyAll(before, () => change);
    expect(codingCodes(after)).toEqual({ i1: 'info', c1: 'info', c2: 'info', t1: 'info' });
    expect(childrenOf(after, 'info').map((c) => c.name)).toEqual(['Written', 'Verbal', 'Phone']);
    expect(childrenOf(after, null).map((c) => c.name)).toEqual(['Information']);
    expect(after.codes.comm).toMatchObject({
      status: 'merged',
      merge: { targetId: 'info', codingIds: ['c1', 'c2'] },
    });
  });

  it('unmerge restores codings, children and codes exactly', () => {
    const before = state();
    const merged = applyAll(before, (s) => mergeCodes(s, ['comm', 'talk'], 'info'));
    const restored = applyAll(
      merged,
      (s) => unmergeCode(s, 'comm'),
      (s) => unmergeCode(s, 'talk'),
    );
    expect(restored).toEqual(before);
  });

  it('unmerge leaves alone a moved coding that was removed since', () => {
    const merged = applyAll(
      state(),
      (s) => mergeCodes(s, ['comm'], 'info'),
      (s) => uncode(s, 'c2'),
    );
    const change = unmergeCode(merged, 'comm');
    expect(change.payload).toMatchObject({ sources: [{ codeId: 'comm', codingIds: ['c1'] }] });
    const after = applyAll(merged, () => change);
    expect(codingsOf(after, 'comm').map((c) => c.id)).toEqual(['c1']);
  });

  it('refuses to merge into itself, into its own descendant, or children that would clash', () => {
    const cases: [() => unknown, RegExp][] = [
      [() => mergeCodes(state(), ['info'], 'info'), /into itself/],
      [() => mergeCodes(state(), ['comm'], 'comm-kid'), /under itself or one of its descendants/],
      [
        () =>
          mergeCodes(
            applyAll(state(), (s) => createCode(s, { id: 'v', parentId: 'info', name: 'verbal' })),
            ['comm'],
            'info',
          ),
        /already has a child named “Verbal”/,
      ],
      [() => unmergeCode(state(), 'comm'), /is active, not merged/],
    ];
    for (const [action, message] of cases) {
      try {
        action();
        expect.unreachable();
      } catch (error) {
        expect(isWeftError(error)).toBe(true);
        expect((error as Error).message).toMatch(message);
      }
    }
  });
});

describe('splitCode', () => {
  it('moves the chosen codings to a new sibling placed after the source', () => {
    const after = applyAll(state(), (s) =>
      splitCode(s, {
        sourceId: 'comm',
        code: { id: 'timing', name: 'Timing of discharge' },
        codingIds: ['c1'],
      }),
    );
    expect(codingCodes(after)).toMatchObject({ c1: 'timing', c2: 'comm' });
    expect(childrenOf(after, null).map((c) => c.name)).toEqual([
      'Information',
      'Communication',
      'Timing of discharge',
      'Talking',
    ]);
  });

  it('refuses codings of another code', () => {
    expect(() =>
      splitCode(state(), { sourceId: 'comm', code: { id: 'x', name: 'X' }, codingIds: ['t1'] }),
    ).toThrow(/t1 is not a coding of “Communication”/);
  });
});
