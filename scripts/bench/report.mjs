import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { machineLine } from './machine.mjs';

export function median(values) {
  return percentile(values, 50);
}

/** Nearest-rank percentile; NaN for no values. */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function fmt(value, digits = 1) {
  if (value === undefined || value === null) return '–';
  if (typeof value !== 'number') return String(value);
  if (Number.isNaN(value)) return '–';
  if (Number.isInteger(value) && Math.abs(value) >= 1000) return value.toLocaleString('en-US');
  if (Number.isInteger(value)) return String(value);
  if (Math.abs(value) >= 1000) return Math.round(value).toLocaleString('en-US');
  return value.toFixed(digits);
}

function cell(value) {
  return fmt(value, 3).replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table padded the way Biome formats one, so `biome check` passes as written. */
export function table(headers, rows) {
  const cells = rows.map((row) => headers.map((_, i) => cell(row[i])));
  const widths = headers.map((h, i) => Math.max(3, h.length, ...cells.map((row) => row[i].length)));
  const line = (row) => `| ${row.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

const isPlain = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isScalar = (v) => v === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof v);

/** `{a: {b: 1}, c: [1, 2]}` → `{'a.b': 1, c: '1, 2'}`; undefined when something deeper is not flat. */
function flatten(value, prefix = '', out = {}) {
  for (const [key, v] of Object.entries(value)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (isScalar(v)) out[name] = v;
    else if (Array.isArray(v) && v.every(isScalar)) out[name] = v.map((x) => fmt(x, 3)).join(', ');
    else if (isPlain(v)) {
      if (!flatten(v, name, out)) return undefined;
    } else return undefined;
  }
  return out;
}

/**
 * Renders whatever another area's benchmark returns: a map of name → object (nested objects
 * flattened to dotted columns) becomes one table, transposed when it has many columns; a list
 * of objects likewise; a flat object a two-column table; anything else gets a heading per key.
 * Unknown shapes fall back to JSON, so a new field never breaks a run.
 */
export function renderValue(value, level = 3) {
  if (isScalar(value)) return fmt(value, 3);
  if (Array.isArray(value) && value.every(isScalar)) return value.map((v) => fmt(v, 3)).join(', ');
  const rows = Array.isArray(value)
    ? value.map((v, i) => [String(i + 1), v])
    : isPlain(value)
      ? Object.entries(value)
      : [];
  if (rows.length > 0 && rows.every(([, v]) => isPlain(v))) {
    const flat = rows.map(([name, v]) => [name, flatten(v)]);
    const keys = [...new Set(flat.flatMap(([, v]) => (v ? Object.keys(v) : [])))];
    const shared = keys.filter((k) => flat.every(([, v]) => v && k in v));
    // Rows of one table describe alike things (sets, runs): most of their columns are shared.
    if (flat.every(([, v]) => v !== undefined) && shared.length * 2 >= keys.length) {
      if (keys.length > 8 && flat.length <= 8) {
        return table(
          ['', ...flat.map(([name]) => name)],
          keys.map((k) => [k, ...flat.map(([, v]) => v[k])]),
        );
      }
      return table(
        ['', ...keys],
        flat.map(([name, v]) => [name, ...keys.map((k) => v[k])]),
      );
    }
  }
  if (isPlain(value)) {
    const entries = Object.entries(value);
    const flat = flatten(value);
    if (flat && entries.every(([, v]) => !isPlain(v) || Object.values(v).every((x) => !isPlain(x)))) {
      return table(['', 'value'], Object.entries(flat));
    }
    const scalars = entries.filter(([, v]) => isScalar(v));
    const parts = scalars.length ? [table(['', 'value'], scalars)] : [];
    for (const [key, v] of entries.filter(([, v]) => !isScalar(v))) {
      parts.push(`${'#'.repeat(Math.min(level, 6))} ${key}\n\n${renderValue(v, level + 1)}`);
    }
    return parts.join('\n\n');
  }
  return `\`\`\`json\n${JSON.stringify(value, null, 2)}\n\`\`\``;
}

const HEADER = `# Benchmarks

Figures written by \`npm run bench\` (\`scripts/bench.mjs\`; one area: \`npm run bench -- foundation\`).
Benchmarks are not tests: tests check correctness, these report numbers. Each section carries
the date and machine it was measured on, because a run may refresh only some sections; the
machine is a shared, noisy one, so read ratios against the baselines measured in the same run
before absolute figures.
`;

const start = (id) => `<!-- bench:${id} -->`;
const end = (id) => `<!-- /bench:${id} -->`;

function existingSections(text) {
  const sections = new Map();
  const pattern = /<!-- bench:([\w-]+) -->\n([\s\S]*?)<!-- \/bench:\1 -->/g;
  for (const match of text.matchAll(pattern)) sections.set(match[1], match[2].trimEnd());
  return sections;
}

/**
 * Rewrites only the sections given (`id → markdown`); every other section keeps what an
 * earlier run wrote. `order` lists the known areas; sections nobody knows are kept at the end.
 */
export function updateBenchmarks(path, { order, fresh, placeholders, machine }) {
  const previous = existsSync(path) ? existingSections(readFileSync(path, 'utf8')) : new Map();
  const ids = [...new Set([...order, ...previous.keys()])];
  const parts = [HEADER, `Last run: ${machineLine(machine)}.\n`];
  for (const id of ids) {
    const body = fresh.get(id) ?? previous.get(id) ?? placeholders.get(id);
    if (body === undefined) continue;
    parts.push(`${start(id)}\n${body.trimEnd()}\n${end(id)}\n`);
  }
  writeFileSync(path, parts.join('\n'));
}

export function sectionHeading(title, machine) {
  return `## ${title}\n\nMeasured ${machine.date.slice(0, 10)} on ${machineLine(machine)}.`;
}
