import type { PrismaBox, PrismaCountKey, PrismaFlow, PrismaListEntry } from './prisma-flow.js';

/**
 * The PRISMA 2020 flow diagram as SVG, laid out like the statement's template (Page et al.,
 * BMJ 2021, Figure 1): phase bars on the left; the databases-and-registers column with its
 * exclusion boxes to the right of each step; the other-methods column when used; the previous
 * version's column for an updated review. Pure string building, so the web app, the server and
 * the CLI draw the same picture. Each box carries `data-box` (its PRISMA2020 key) so the app can
 * open the records behind it.
 */

export interface PrismaSvgOptions {
  /** Box text overrides keyed like the PRISMA2020 template's `data` (e.g. `database_results`). */
  labels?: Partial<Record<string, string>>;
  title?: string;
}

interface Line {
  text: string;
  bold?: boolean;
  /** A sub-item (one database under "Databases"). */
  indent?: boolean;
}

interface Placed {
  key: string;
  x: number;
  y: number;
  w: number;
  h: number;
  lines: Line[];
  fill: string;
}

const FONT_SIZE = 13;
const LINE_HEIGHT = 17;
const PADDING = 10;
const CHAR_WIDTH = 6.6;
/** Width of a bold character at the diagram's font, a little above Helvetica's average (an estimate). */
const BOLD_CHAR_WIDTH = 7.4;
const INDENT = 14;
const GAP_Y = 34;
const COLOURS = {
  box: '#ffffff',
  stroke: '#1f2933',
  phase: '#c5dcf2',
  newStudies: '#fff2b3',
  other: '#e5e7eb',
};

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy word wrap to the box's width at the diagram's font (an estimate: SVG has no text flow). */
function wrap(text: string, width: number): string[] {
  const max = Math.max(8, Math.floor((width - 2 * PADDING) / CHAR_WIDTH));
  const lines: string[] = [];
  let line = '';
  // Split on ordinary spaces only: `\s` would also split the no-break spaces that hold "(n = 12)" together.
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    if (line && `${line} ${word}`.length > max) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

function linesOf(parts: Array<string | Line>, width: number): Line[] {
  return parts.flatMap((part) => {
    const line = typeof part === 'string' ? { text: part } : part;
    const indent = line.indent ? INDENT : 0;
    return wrap(line.text, width - indent).map((text) => ({ ...line, text }));
  });
}

const heightOf = (lines: Line[]) => lines.length * LINE_HEIGHT + 2 * PADDING;

/** The least height of a phase bar whose rotated label fits inside it with padding at both ends. */
const phaseMinHeight = (text: string) => Math.ceil(text.length * BOLD_CHAR_WIDTH) + 2 * PADDING;

function drawBox(b: Placed): string {
  const text = b.lines
    .map(
      (line, i) =>
        `<text x="${b.x + PADDING + (line.indent ? INDENT : 0)}" y="${b.y + PADDING + (i + 1) * LINE_HEIGHT - 4}"${line.bold ? ' font-weight="600"' : ''}>${escapeXml(line.text)}</text>`,
    )
    .join('');
  return `<g class="prisma-box" data-box="${b.key}"><rect x="${b.x}" y="${b.y}" width="${b.w}" height="${b.h}" fill="${b.fill}" stroke="${COLOURS.stroke}" stroke-width="1.2"/>${text}</g>`;
}

function arrow(x1: number, y1: number, x2: number, y2: number): string {
  return `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="${COLOURS.stroke}" stroke-width="1.4" marker-end="url(#prisma-arrow)"/>`;
}

export function renderPrismaSvg(flow: PrismaFlow, options: PrismaSvgOptions = {}): string {
  const label = (key: string, fallback: string) => options.labels?.[key] ?? fallback;
  const n = (key: PrismaCountKey) => flow.counts[key].count;
  // No-break spaces keep "(n = 12)" on one line when a label wraps.
  const nIs = (value: number) => `(n\u00a0=\u00a0${value})`;
  const count = (text: string, box: PrismaBox) => `${text} ${nIs(box.count)}`;
  const listLines = (entries: PrismaListEntry[]): Line[] =>
    entries.map((e) => ({ text: `${e.name} ${nIs(e.count)}`, indent: true }));

  const phaseX = 10;
  const phaseW = 34;
  const previousW = flow.isUpdate ? 250 : 0;
  const colGap = 40;
  const mainX = phaseX + phaseW + 20 + (flow.isUpdate ? previousW + colGap : 0);
  const boxW = 300;
  const exclX = mainX + boxW + colGap;
  const exclW = 300;
  const otherX = exclX + exclW + colGap * 1.5;
  const otherExclX = otherX + boxW + colGap;
  const width = (flow.hasOtherMethods ? otherExclX + exclW : exclX + exclW) + 10;

  const headerY = options.title ? 44 : 10;
  const headerH = 44;
  const boxes: Placed[] = [];
  const place = (
    key: string,
    x: number,
    y: number,
    w: number,
    parts: Array<string | Line>,
    fill = COLOURS.box,
    minH = 0,
  ) => {
    const lines = linesOf(parts, w);
    const b = { key, x, y, w, h: Math.max(minH, heightOf(lines)), lines, fill };
    boxes.push(b);
    return b;
  };

  // Column headers.
  place(
    'newstud',
    mainX,
    headerY,
    exclX + exclW - mainX,
    [label('newstud', 'Identification of new studies via databases and registers')],
    COLOURS.newStudies,
    headerH,
  );
  if (flow.hasOtherMethods)
    place(
      'othstud',
      otherX,
      headerY,
      otherExclX + exclW - otherX,
      [label('othstud', 'Identification of new studies via other methods')],
      COLOURS.other,
      headerH,
    );
  if (flow.isUpdate)
    place(
      'prevstud',
      mainX - previousW - colGap,
      headerY,
      previousW,
      [label('prevstud', 'Previous studies')],
      COLOURS.other,
      headerH,
    );

  // Identification row.
  let y = headerY + headerH + GAP_Y;
  const databaseLines = [
    'Records identified from:',
    count(label('database_results', 'Databases'), flow.counts.database_results),
    ...listLines(flow.lists.database_specific_results),
    count(label('register_results', 'Registers'), flow.counts.register_results),
    ...listLines(flow.lists.register_specific_results),
  ];
  const identified = place('database_results', mainX, y, boxW, databaseLines);
  const removed = place('duplicates', exclX, y, exclW, [
    'Records removed before screening:',
    count(label('duplicates', 'Duplicate records removed'), flow.counts.duplicates),
    count(
      label('excluded_automatic', 'Records marked as ineligible by automation tools'),
      flow.counts.excluded_automatic,
    ),
    count(label('excluded_other', 'Records removed for other reasons'), flow.counts.excluded_other),
  ]);
  let otherIdentified: Placed | undefined;
  if (flow.hasOtherMethods) {
    const otherLines = [
      'Records identified from:',
      count(label('website_results', 'Websites'), flow.counts.website_results),
      count(label('organisation_results', 'Organisations'), flow.counts.organisation_results),
      count(label('citations_results', 'Citation searching'), flow.counts.citations_results),
    ];
    if (n('other_results') > 0) otherLines.push(count('Other sources', flow.counts.other_results));
    otherIdentified = place('website_results', otherX, y, boxW, otherLines);
  }
  const phaseLabels = {
    identification: label('identification', 'Identification'),
    screening: label('screening', 'Screening'),
    included: label('included', 'Included'),
  };
  const rowH = Math.max(
    identified.h,
    removed.h,
    otherIdentified?.h ?? 0,
    phaseMinHeight(phaseLabels.identification),
  );
  for (const b of [identified, removed, otherIdentified]) if (b) b.h = rowH;
  const identificationEnd = y + rowH;

  // Screening rows: a step on the left, what left the flow on the right.
  y = identificationEnd + GAP_Y;
  const steps: Array<[Placed, Placed]> = [];
  const step = (stepKey: string, stepText: string, exclKey: string, exclParts: Array<string | Line>) => {
    const left = place(stepKey, mainX, y, boxW, [stepText]);
    const right = place(exclKey, exclX, y, exclW, exclParts);
    const h = Math.max(left.h, right.h);
    left.h = h;
    right.h = h;
    steps.push([left, right]);
    y += h + GAP_Y;
  };
  step(
    'records_screened',
    count(label('records_screened', 'Records screened'), flow.counts.records_screened),
    'records_excluded',
    [count(label('records_excluded', 'Records excluded'), flow.counts.records_excluded)],
  );
  const soughtY = y;
  step(
    'dbr_sought_reports',
    count(label('dbr_sought_reports', 'Reports sought for retrieval'), flow.counts.dbr_sought_reports),
    'dbr_notretrieved_reports',
    [count(label('dbr_notretrieved_reports', 'Reports not retrieved'), flow.counts.dbr_notretrieved_reports)],
  );
  const assessedY = y;
  const excludedTotal = flow.lists.dbr_excluded.reduce((sum, e) => sum + e.count, 0);
  step(
    'dbr_assessed',
    count(label('dbr_assessed', 'Reports assessed for eligibility'), flow.counts.dbr_assessed),
    'dbr_excluded',
    [
      `${label('dbr_excluded', 'Reports excluded')} ${nIs(excludedTotal)}${flow.lists.dbr_excluded.length > 0 ? ':' : ''}`,
      ...listLines(flow.lists.dbr_excluded),
    ],
  );
  const screeningEnd = y - GAP_Y;

  const otherSteps: Array<[Placed, Placed]> = [];
  if (flow.hasOtherMethods) {
    const pair = (
      top: number,
      leftKey: string,
      leftText: string,
      rightKey: string,
      rightParts: Array<string | Line>,
    ) => {
      const left = place(leftKey, otherX, top, boxW, [leftText]);
      const right = place(rightKey, otherExclX, top, exclW, rightParts);
      const h = Math.max(left.h, right.h);
      left.h = h;
      right.h = h;
      otherSteps.push([left, right]);
    };
    pair(
      soughtY,
      'other_sought_reports',
      count(label('other_sought_reports', 'Reports sought for retrieval'), flow.counts.other_sought_reports),
      'other_notretrieved_reports',
      [
        count(
          label('other_notretrieved_reports', 'Reports not retrieved'),
          flow.counts.other_notretrieved_reports,
        ),
      ],
    );
    const otherExcluded = flow.lists.other_excluded.reduce((sum, e) => sum + e.count, 0);
    pair(
      assessedY,
      'other_assessed',
      count(label('other_assessed', 'Reports assessed for eligibility'), flow.counts.other_assessed),
      'other_excluded',
      [
        `${label('other_excluded', 'Reports excluded')} ${nIs(otherExcluded)}${flow.lists.other_excluded.length > 0 ? ':' : ''}`,
        ...listLines(flow.lists.other_excluded),
      ],
    );
  }

  // Included.
  const includedY = y;
  const included = place('new_studies', mainX, includedY, boxW, [
    count(label('new_studies', 'New studies included in review'), flow.counts.new_studies),
    count(label('new_reports', 'Reports of new included studies'), flow.counts.new_reports),
  ]);
  let total: Placed | undefined;
  let previous: Placed | undefined;
  if (flow.isUpdate) {
    previous = place('previous_studies', mainX - previousW - colGap, headerY + headerH + GAP_Y, previousW, [
      count(
        label('previous_studies', 'Studies included in previous version of review'),
        flow.counts.previous_studies,
      ),
      count(
        label('previous_reports', 'Reports of studies included in previous version of review'),
        flow.counts.previous_reports,
      ),
    ]);
    total = place('total_studies', mainX, includedY + included.h + GAP_Y, boxW, [
      count(label('total_studies', 'Total studies included in review'), flow.counts.total_studies),
      count(label('total_reports', 'Reports of total included studies'), flow.counts.total_reports),
    ]);
  }
  // The included phase may hold one short box: grow its last box so the bar fits its label.
  const last = total ?? included;
  last.h += Math.max(0, phaseMinHeight(phaseLabels.included) - (last.y + last.h - includedY));
  const bottom = last.y + last.h;

  // Phase bars.
  const phases: Array<[string, number, number]> = [
    [phaseLabels.identification, headerY + headerH + GAP_Y, identificationEnd],
    [phaseLabels.screening, identificationEnd + GAP_Y, screeningEnd],
    [phaseLabels.included, includedY, bottom],
  ];
  const phaseSvg = phases
    .map(([text, top, end]) => {
      const cx = phaseX + phaseW / 2;
      const cy = (top + end) / 2;
      return `<g class="prisma-phase"><rect x="${phaseX}" y="${top}" width="${phaseW}" height="${end - top}" rx="6" fill="${COLOURS.phase}" stroke="${COLOURS.stroke}" stroke-width="1"/><text x="${cx}" y="${cy}" font-weight="600" text-anchor="middle" dominant-baseline="middle" transform="rotate(-90 ${cx} ${cy})">${escapeXml(text)}</text></g>`;
    })
    .join('');

  // Arrows: down the steps, right to each exclusion box, into the included box.
  const down = (from: Placed, to: Placed) =>
    arrow(from.x + from.w / 2, from.y + from.h, to.x + to.w / 2, to.y);
  const right = (from: Placed, to: Placed) =>
    arrow(from.x + from.w, from.y + from.h / 2, to.x, to.y + to.h / 2);
  const arrows: string[] = [right(identified, removed)];
  let previousStep: Placed = identified;
  for (const [left, excl] of steps) {
    arrows.push(down(previousStep, left), right(left, excl));
    previousStep = left;
  }
  arrows.push(down(previousStep, included));
  if (otherIdentified && otherSteps.length > 0) {
    let prev: Placed = otherIdentified;
    for (const [left, excl] of otherSteps) {
      arrows.push(down(prev, left), right(left, excl));
      prev = left;
    }
    // From the last other-methods step across into the included box.
    const from = prev;
    const midY = included.y + included.h / 2;
    arrows.push(
      `<polyline points="${from.x + from.w / 2},${from.y + from.h} ${from.x + from.w / 2},${midY} ${included.x + included.w + 4},${midY}" fill="none" stroke="${COLOURS.stroke}" stroke-width="1.4" marker-end="url(#prisma-arrow)"/>`,
    );
  }
  if (total) arrows.push(down(included, total));
  if (previous && total)
    arrows.push(
      `<polyline points="${previous.x + previous.w / 2},${previous.y + previous.h} ${previous.x + previous.w / 2},${total.y + total.h / 2} ${total.x - 4},${total.y + total.h / 2}" fill="none" stroke="${COLOURS.stroke}" stroke-width="1.4" marker-end="url(#prisma-arrow)"/>`,
    );

  const height = bottom + 12;
  const title = options.title
    ? `<text x="${width / 2}" y="28" font-size="17" font-weight="600" text-anchor="middle">${escapeXml(options.title)}</text>`
    : '';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="Helvetica, Arial, sans-serif" font-size="${FONT_SIZE}" fill="#111827" role="img" aria-label="PRISMA 2020 flow diagram">`,
    `<defs><marker id="prisma-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${COLOURS.stroke}"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    title,
    phaseSvg,
    ...boxes.map(drawBox),
    ...arrows,
    '</svg>',
  ].join('');
}
