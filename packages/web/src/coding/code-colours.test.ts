import { describe, expect, it } from 'vitest';
import { fallbackColour, flattenCodebook, unusedColour, withAlpha } from './code-colours';

const node = (
  id: string,
  name: string,
  colour: string | null,
  children = [] as ReturnType<typeof leaf>[],
) => ({
  id,
  parentId: null,
  name,
  description: '',
  inclusion: '',
  exclusion: '',
  example: '',
  colour,
  shortcut: null,
  codingCount: 0,
  children,
});
const leaf = (id: string, name: string) => node(id, name, null);

describe('code colours', () => {
  it('flattens the codebook in tree order with paths and a colour for every code', () => {
    const flat = flattenCodebook([node('a', 'Resources', '#2f9e44', [leaf('b', 'Money')])]);
    expect(flat.map((c) => [c.path, c.depth])).toEqual([
      ['Resources', 0],
      ['Resources › Money', 1],
    ]);
    expect(flat[1]?.colour).toBe(fallbackColour('b'));
  });

  it('gives a code made on the fly a colour nobody uses yet', () => {
    expect(unusedColour(['#1C7ED6', null], 'x')).toBe('#e8590c');
  });

  it('writes an alpha as the fourth byte', () => {
    expect(withAlpha('#2f9e44', 0.2)).toBe('#2f9e4433');
  });
});
