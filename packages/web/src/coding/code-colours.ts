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

/** A palette colour no code uses yet (else the id's own), for a code made on the fly. */
export function unusedColour(used: Iterable<string | null>, id: string): string {
  const taken = new Set([...used].filter(Boolean).map((c) => (c as string).toLowerCase()));
  return PALETTE.find((c) => !taken.has(c)) ?? fallbackColour(id);
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
