import { describe, expect, it } from 'vitest';
import { fallbackColour, flattenCodebook, shownColours, unusedColour, withAlpha } from './code-colours';

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

  it('with every palette colour taken, picks the one fewest codes use', () => {
    const palette = Array.from({ length: 12 }, (_, i) => unusedColour([], String(i)));
    // Build up a codebook one new code at a time: the first twelve are all different.
    const used: string[] = [];
    for (let i = 0; i < 12; i++) used.push(unusedColour(used));
    expect(new Set(used).size).toBe(12);
    expect(palette.every((c) => c === used[0])).toBe(true);
    // The thirteenth repeats the first; then the second, never piling onto one colour.
    used.push(unusedColour(used));
    expect(used[12]).toBe(used[0]);
    expect(unusedColour(used)).toBe(used[1]);
    // Colours outside the palette (chosen by hand) do not block any palette colour.
    expect(unusedColour(['#123456'])).toBe(used[0]);
  });

  it('counts the fallback colours of codes without their own as shown', () => {
    const shown = shownColours([leaf('a', 'One'), node('b', 'Two', '#E8590C')]);
    expect(shown).toEqual([fallbackColour('a'), '#E8590C']);
    expect(shown).not.toContain(unusedColour(shown));
  });

  it('writes an alpha as the fourth byte', () => {
    expect(withAlpha('#2f9e44', 0.2)).toBe('#2f9e4433');
  });
});
