import type { CodebookNode } from '@weft/protocol';

/** Distinct, readable colours for codes that have none of their own (picked by id, so stable). */
const PALETTE = [
  '#1c7ed6',
  '#e8590c',
  '#2f9e44',
  '#c2255c',
  '#7048e8',
  '#0c8599',
  '#e67700',
  '#5c940d',
  '#ae3ec9',
  '#d6336c',
  '#1098ad',
  '#f08c00',
];

export function fallbackColour(id: string): string {
  let hash = 0;
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) | 0;
  return PALETTE[Math.abs(hash) % PALETTE.length] as string;
}

/**
 * A colour for a new code, as distinct as the palette allows from the colours codes already show:
 * the first palette colour nobody uses, else the one fewest codes use (so with more codes than
 * colours, repeats are spread evenly rather than piling onto one). `id` breaks no ties: the choice
 * depends only on what is used, so it is predictable.
 */
export function unusedColour(used: Iterable<string | null>, _id?: string): string {
  const counts = new Map<string, number>(PALETTE.map((c) => [c, 0]));
  for (const colour of used) {
    const key = colour?.toLowerCase();
    if (key && counts.has(key)) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let best = PALETTE[0] as string;
  for (const colour of PALETTE) if ((counts.get(colour) ?? 0) < (counts.get(best) ?? 0)) best = colour;
  return best;
}

/** The colours a codebook shows (a code without its own shows its id's fallback). */
export function shownColours(nodes: readonly CodebookNode[]): string[] {
  return flattenCodebook(nodes).map((c) => c.colour);
}

export interface CodeInfo {
  id: string;
  name: string;
  /** "Parent › Child" for telling apart codes with the same name. */
  path: string;
  depth: number;
  colour: string;
  shortcut: string | null;
  node: CodebookNode;
}

/** The codebook flattened in tree order, with paths and a colour for every code. */
export function flattenCodebook(nodes: readonly CodebookNode[], parents: string[] = []): CodeInfo[] {
  return nodes.flatMap((node) => [
    {
      id: node.id,
      name: node.name,
      path: [...parents, node.name].join(' › '),
      depth: parents.length,
      colour: node.colour ?? fallbackColour(node.id),
      shortcut: node.shortcut,
      node,
    },
    ...flattenCodebook(node.children, [...parents, node.name]),
  ]);
}

/** `#rrggbb` with an alpha (0–1) as `#rrggbbaa`. */
export function withAlpha(colour: string, alpha: number): string {
  const a = Math.round(Math.max(0, Math.min(1, alpha)) * 255)
    .toString(16)
    .padStart(2, '0');
  return `${colour.slice(0, 7)}${a}`;
}
