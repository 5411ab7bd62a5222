import type { CodingView } from '@weft/protocol';
import { memo } from 'react';
import type { CodeInfo } from './code-colours';
import { withAlpha } from './code-colours';
import { type Run, runsOf } from './coding-index';
import type { TextBlock } from './text-blocks';

export const LANE_WIDTH = 8;

export interface RowProps {
  text: string;
  block: TextBlock;
  codings: readonly CodingView[];
  codes: ReadonlyMap<string, CodeInfo>;
  laneOf: (coding: CodingView) => number;
  laneCount: number;
  laneTitle: (coding: CodingView) => string;
  hoveredLane: number | null;
  selectedCodingId: string | null;
  onHoverLane: (lane: number | null) => void;
  onSelectCoding: (codingId: string) => void;
}

export function clock(ms: number): string {
  const total = Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = String(m).padStart(h ? 2 : 1, '0');
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/**
 * A block's runs, kept while its codings stay the same array (the per-block index is rebuilt
 * only when the codings change): a row scrolled back into view is cut once, not per mount.
 */
const runCache = new WeakMap<TextBlock, { codings: readonly CodingView[]; runs: Run<CodingView>[] }>();

function cachedRuns(
  block: TextBlock,
  codings: readonly CodingView[],
  speakerEnd: number | null,
): Run<CodingView>[] {
  const cached = runCache.get(block);
  if (cached?.codings === codings) return cached.runs;
  const runs = runsOf(block, codings, speakerEnd === null ? [] : [speakerEnd]);
  runCache.set(block, { codings, runs });
  return runs;
}

/**
 * One block of the document: a gutter (timestamp, page, heading level), the text cut into runs
 * where codings begin and end (each run painted with the codings over it), and the margin
 * stripes, one lane per code (or per code and coder). Runs carry `data-o`, their offset in the
 * canonical text, which is how a selection maps back to offsets.
 */
export const CodingRow = memo(function CodingRow(props: RowProps) {
  const { block, text, codings, codes, laneOf, hoveredLane, selectedCodingId } = props;
  if (block.kind === 'page')
    return (
      <div className="weft-coding-page" data-skip="">
        <span>Page {block.page ?? ''}</span>
      </div>
    );

  const speakerEnd =
    block.speaker && text.startsWith(`${block.speaker}:`, block.start)
      ? block.start + block.speaker.length + 1
      : null;
  const runs = cachedRuns(block, codings, speakerEnd);
  const length = Math.max(1, block.end - block.start);
  // Document headings sit below the page's own h1.
  const TextTag = block.kind === 'heading' ? (`h${Math.min(6, (block.level ?? 1) + 1)}` as 'h2') : 'div';

  return (
    <div className={`weft-coding-row weft-coding-${block.kind}`} data-block={block.start}>
      <div className="weft-coding-gutter" data-skip="">
        {block.startMs !== undefined && <span>{clock(block.startMs)}</span>}
      </div>
      <TextTag className="weft-coding-text">
        {runs.map((run) => {
          const top = run.codings[run.codings.length - 1];
          const selected = run.codings.some((c) => c.id === selectedCodingId);
          const hovered = hoveredLane !== null && run.codings.some((c) => laneOf(c) === hoveredLane);
          const style: React.CSSProperties = {};
          if (top) {
            const colour = codes.get(top.codeId)?.colour ?? '#868e96';
            style.background = withAlpha(colour, hovered || selected ? 0.45 : 0.2);
            const shadows = run.codings
              .slice(0, -1)
              .reverse()
              .slice(0, 3)
              .map((c, i) => `inset 0 -${2 * (i + 1)}px 0 ${codes.get(c.codeId)?.colour ?? '#868e96'}`);
            if (selected) shadows.unshift(`0 0 0 1.5px ${colour}`);
            if (shadows.length) style.boxShadow = shadows.join(', ');
          }
          // An approximate placement a coder has not confirmed yet: drawn dashed until they do.
          const fuzzy = run.codings.find((c) => c.anchorStatus === 'fuzzy');
          if (fuzzy) style.textDecorationColor = codes.get(fuzzy.codeId)?.colour ?? '#868e96';
          const classes = [
            run.start < (speakerEnd ?? -1) ? 'weft-coding-speaker' : '',
            fuzzy ? 'weft-coding-fuzzy' : '',
          ].filter(Boolean);
          return (
            <span
              key={run.start}
              data-o={run.start}
              className={classes.length ? classes.join(' ') : undefined}
              title={fuzzy ? 'Placed by approximate match after an edit: check and confirm it' : undefined}
              style={top ? style : undefined}
              data-fuzzy={fuzzy ? '' : undefined}
              data-coded={top ? run.codings.length : undefined}
            >
              {text.slice(run.start, run.end)}
            </span>
          );
        })}
      </TextTag>
      <div className="weft-coding-stripes" data-skip="" style={{ width: props.laneCount * LANE_WIDTH + 6 }}>
        {codings.map((c) => {
          const lane = laneOf(c);
          const colour = codes.get(c.codeId)?.colour ?? '#868e96';
          const top = Math.max(0, (c.start - block.start) / length);
          const bottom = Math.min(1, (c.end - block.start) / length);
          const title = props.laneTitle(c);
          return (
            <button
              type="button"
              key={c.id}
              className="weft-coding-stripe"
              aria-label={`${title}: select this coding`}
              title={title}
              data-lane={lane}
              data-coding={c.id}
              data-selected={c.id === selectedCodingId ? '' : undefined}
              data-fuzzy={c.anchorStatus === 'fuzzy' ? '' : undefined}
              style={{
                left: lane * LANE_WIDTH + 3,
                top: `${top * 100}%`,
                bottom: `${(1 - bottom) * 100}%`,
                background: colour,
                opacity: hoveredLane === null || hoveredLane === lane ? undefined : 0.35,
              }}
              onMouseEnter={() => props.onHoverLane(lane)}
              onMouseLeave={() => props.onHoverLane(null)}
              onClick={() => props.onSelectCoding(c.id)}
            />
          );
        })}
      </div>
    </div>
  );
});
