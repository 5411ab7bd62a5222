export interface RecallPlotInput {
  readonly title: string;
  /** Up to two lines under the title (the run, its figures). */
  readonly subtitle?: readonly string[];
  /** Records in the pool (priors excluded): the x axis runs from 0 to this. */
  readonly pool: number;
  readonly poolRelevant: number;
  /** One recall curve per seed, recall[k] after k records; each may stop at its last relevant record. */
  readonly seedCurves: readonly (readonly number[])[];
  /** The mean over seeds, recall[k] for k = 0 .. pool. */
  readonly meanCurve: ArrayLike<number>;
}

const WIDTH = 880;
const HEIGHT = 640;
const MARGIN = { left: 84, right: 36, top: 104, bottom: 74 };
const PLOT_W = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_H = HEIGHT - MARGIN.top - MARGIN.bottom;
const FONT = "system-ui, -apple-system, 'Segoe UI', Helvetica, Arial, sans-serif";
const MODEL_COLOUR = '#1f5fa8';
const RANDOM_COLOUR = '#8a8a8a';
const TEXT_COLOUR = '#222';
const MUTED_COLOUR = '#555';

function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

const round = (v: number) => Math.round(v * 100) / 100;
const xOf = (fraction: number) => round(MARGIN.left + fraction * PLOT_W);
const yOf = (fraction: number) => round(MARGIN.top + (1 - fraction) * PLOT_H);

/**
 * The curve as straight segments between (k, recall[k]) points, keeping only the corners: a
 * recall curve is flat between relevant records, so a 100,000-record set with 2,000 relevant
 * records still needs only a few thousand points.
 */
function curvePath(curve: ArrayLike<number>, pool: number): string {
  const scale = pool > 0 ? pool : 1;
  const points: Array<[number, number]> = [[0, curve[0] ?? 0]];
  for (let k = 1; k < curve.length; k++) {
    const previous = curve[k - 1] as number;
    const value = curve[k] as number;
    if (value === previous) continue;
    const [lastK] = points[points.length - 1] as [number, number];
    if (lastK !== k - 1) points.push([k - 1, previous]);
    points.push([k, value]);
  }
  const end = curve[curve.length - 1] ?? 0;
  if ((points[points.length - 1] as [number, number])[0] !== pool) points.push([pool, end]);
  return points.map(([k, r], i) => `${i === 0 ? 'M' : 'L'}${xOf(k / scale)},${yOf(r)}`).join(' ');
}

function axes(pool: number, poolRelevant: number): string[] {
  const out: string[] = [];
  const bottom = MARGIN.top + PLOT_H;
  for (let t = 0; t <= 10; t++) {
    const f = t / 10;
    const x = xOf(f);
    const y = yOf(f);
    const major = t % 2 === 0;
    if (t > 0 && t < 10) {
      out.push(
        `<line x1="${x}" y1="${MARGIN.top}" x2="${x}" y2="${bottom}" stroke="#e6e6e6" stroke-width="1"/>`,
        `<line x1="${MARGIN.left}" y1="${y}" x2="${MARGIN.left + PLOT_W}" y2="${y}" stroke="#e6e6e6" stroke-width="1"/>`,
      );
    }
    out.push(
      `<line x1="${x}" y1="${bottom}" x2="${x}" y2="${bottom + (major ? 6 : 3)}" stroke="${TEXT_COLOUR}"/>`,
      `<line x1="${MARGIN.left - (major ? 6 : 3)}" y1="${y}" x2="${MARGIN.left}" y2="${y}" stroke="${TEXT_COLOUR}"/>`,
    );
    if (major) {
      out.push(
        `<text x="${x}" y="${bottom + 22}" text-anchor="middle">${t * 10} %</text>`,
        `<text x="${MARGIN.left - 10}" y="${y + 4}" text-anchor="end">${t * 10} %</text>`,
      );
    }
  }
  out.push(
    `<rect x="${MARGIN.left}" y="${MARGIN.top}" width="${PLOT_W}" height="${PLOT_H}" fill="none" stroke="${TEXT_COLOUR}" stroke-width="1"/>`,
    `<text class="axis-label" x="${MARGIN.left + PLOT_W / 2}" y="${HEIGHT - 22}" text-anchor="middle" font-size="14">` +
      `Records screened (% of ${pool.toLocaleString('en')}, priors excluded)</text>`,
    `<text class="axis-label" transform="translate(24 ${MARGIN.top + PLOT_H / 2}) rotate(-90)" text-anchor="middle" font-size="14">` +
      `Relevant records found (recall, % of ${poolRelevant.toLocaleString('en')})</text>`,
  );
  return out;
}

function legend(seeds: number): string[] {
  const entries: Array<{ label: string; stroke: string; width: number; dash?: string; opacity?: number }> = [
    {
      label: seeds === 1 ? 'Weft model (1 seed)' : `Weft model, mean of ${seeds} seeds`,
      stroke: MODEL_COLOUR,
      width: 3,
    },
  ];
  if (seeds > 1) entries.push({ label: 'each seed', stroke: MODEL_COLOUR, width: 1, opacity: 0.5 });
  entries.push({ label: 'random screening', stroke: RANDOM_COLOUR, width: 1.5, dash: '6 4' });
  const boxW = 236;
  const boxH = 16 + entries.length * 22;
  const left = MARGIN.left + PLOT_W - boxW - 16;
  const top = MARGIN.top + PLOT_H - boxH - 16;
  const out = [
    `<g class="legend"><rect x="${left}" y="${top}" width="${boxW}" height="${boxH}" fill="#fff" fill-opacity="0.92" stroke="#ccc" rx="4"/>`,
  ];
  entries.forEach((entry, i) => {
    const y = top + 19 + i * 22;
    out.push(
      `<line x1="${left + 12}" y1="${y}" x2="${left + 44}" y2="${y}" stroke="${entry.stroke}" stroke-width="${entry.width}"` +
        `${entry.dash ? ` stroke-dasharray="${entry.dash}"` : ''}${entry.opacity ? ` stroke-opacity="${entry.opacity}"` : ''}/>`,
      `<text x="${left + 54}" y="${y + 4}">${escapeXml(entry.label)}</text>`,
    );
  });
  out.push('</g>');
  return out;
}

/** A standalone SVG of the recall curve against random screening (the diagonal). */
export function renderRecallPlot(input: RecallPlotInput): string {
  const { pool, poolRelevant, seedCurves } = input;
  const right = MARGIN.left + PLOT_W;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="${FONT}" font-size="12" fill="${TEXT_COLOUR}">`,
    `<title>${escapeXml(input.title)}</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#fff"/>`,
    `<text class="title" x="${MARGIN.left}" y="34" font-size="18" font-weight="600">${escapeXml(input.title)}</text>`,
  ];
  (input.subtitle ?? []).slice(0, 2).forEach((line, i) => {
    parts.push(
      `<text class="subtitle" x="${MARGIN.left}" y="${58 + i * 19}" font-size="13" fill="${MUTED_COLOUR}">${escapeXml(line)}</text>`,
    );
  });
  parts.push(...axes(pool, poolRelevant));
  // 95 % recall, the level WSS@95 is read at.
  const y95 = yOf(0.95);
  parts.push(
    `<line x1="${MARGIN.left}" y1="${y95}" x2="${right}" y2="${y95}" stroke="#b0b0b0" stroke-width="1" stroke-dasharray="2 3"/>`,
    // Left of where the diagonal crosses 95 %, inside the 95–100 % band, clear of both curves' usual paths.
    `<text x="${xOf(0.88)}" y="${y95 - 6}" text-anchor="end" font-size="11" fill="${MUTED_COLOUR}">95 % recall</text>`,
    `<path data-series="random" d="M${xOf(0)},${yOf(0)} L${xOf(1)},${yOf(1)}" fill="none" stroke="${RANDOM_COLOUR}" stroke-width="1.5" stroke-dasharray="6 4"/>`,
  );
  if (seedCurves.length > 1) {
    seedCurves.forEach((curve, i) => {
      parts.push(
        `<path data-series="seed-${i}" d="${curvePath(curve, pool)}" fill="none" stroke="${MODEL_COLOUR}" stroke-width="1" stroke-opacity="0.5" stroke-linejoin="round"/>`,
      );
    });
  }
  parts.push(
    `<path data-series="mean" d="${curvePath(input.meanCurve, pool)}" fill="none" stroke="${MODEL_COLOUR}" stroke-width="3" stroke-linejoin="round"/>`,
    ...legend(seedCurves.length),
    '</svg>',
  );
  return `${parts.join('\n')}\n`;
}
