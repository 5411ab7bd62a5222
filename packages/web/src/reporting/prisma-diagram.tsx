import { Box } from '@mantine/core';
import { type KeyboardEvent, type MouseEvent, useEffect, useRef } from 'react';
import { boxParts } from './prisma-boxes';

const STYLE = `
.weft-prisma svg { max-width: 100%; height: auto; display: block; margin: 0 auto; }
.weft-prisma g.prisma-box[role='button'] { cursor: pointer; outline: none; }
.weft-prisma g.prisma-box[role='button']:hover rect { stroke: var(--mantine-color-teal-7); stroke-width: 2.4; }
.weft-prisma g.prisma-box[role='button']:focus-visible rect { stroke: var(--mantine-color-blue-6); stroke-width: 3.5; }
`;

function boxKeyOf(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  const key = target.closest('g.prisma-box')?.getAttribute('data-box') ?? undefined;
  return key && boxParts(key) ? key : undefined;
}

/**
 * The diagram as the server drew it (its text is escaped there), with each box that has records
 * behind it made a button: clicked, or Enter/Space when focused, it calls `onOpen` with its key.
 */
export function PrismaDiagram({ svg, onOpen }: { svg: string; onOpen: (boxKey: string) => void }) {
  const ref = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the markup is replaced whenever svg changes
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const svgElement = root.querySelector('svg');
    svgElement?.setAttribute('role', 'group');
    svgElement?.setAttribute('aria-label', 'PRISMA 2020 flow diagram');
    for (const group of root.querySelectorAll('g.prisma-box')) {
      const key = group.getAttribute('data-box') ?? '';
      if (!boxParts(key)) continue;
      group.setAttribute('tabindex', '0');
      group.setAttribute('role', 'button');
      const text = [...group.querySelectorAll('text')].map((t) => t.textContent ?? '').join(' ');
      group.setAttribute('aria-label', `${text.replace(/\s+/g, ' ').trim()}: show the records`);
    }
  }, [svg]);

  const click = (event: MouseEvent) => {
    const key = boxKeyOf(event.target);
    if (key) onOpen(key);
  };
  const key = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const boxKey = boxKeyOf(event.target);
    if (!boxKey) return;
    event.preventDefault();
    onOpen(boxKey);
  };

  return (
    <>
      <style>{STYLE}</style>
      <Box
        ref={ref}
        className="weft-prisma"
        onClick={click}
        onKeyDown={key}
        // biome-ignore lint/security/noDangerouslySetInnerHtml: the server escapes every text it puts in the SVG
        dangerouslySetInnerHTML={{ __html: svg }}
      />
    </>
  );
}
