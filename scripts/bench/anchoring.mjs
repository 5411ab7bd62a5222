// Re-anchoring 5,000 codings on a ~1 MB interview transcript after one edit (issue 7's target:
// under 500 ms). The transcript is generated here from a seed, so every machine measures the same text.
// Run: npx tsc -b packages/core && node scripts/bench/anchoring.mjs [--quick]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, table } from './report.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** mulberry32, as the other generated benchmarks use. */
function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OPENERS = [
  'I think',
  'Honestly',
  'To be fair',
  'I suppose',
  'Well',
  'You know',
  'I remember',
  'At first',
];
const SUBJECTS = [
  'the nurses',
  'my daughter',
  'Maria',
  'the district nurse',
  'Janet',
  'Dr Okafor',
  'the physio',
  'nobody',
  'the ward',
  'my neighbour',
];
const VERBS = [
  'told me',
  'rang',
  'explained',
  'forgot',
  'helped with',
  'worried about',
  'asked about',
  'sorted out',
  'never mentioned',
  'kept an eye on',
];
const OBJECTS = [
  'the tablets',
  'the stairs',
  'the discharge letter',
  'my appointments',
  'the dressing',
  'the shopping',
  'the follow-up call',
  'the walking frame',
  'the bathroom',
  'what would happen next',
];
const TAILS = [
  'that week',
  'every few days',
  'before I left',
  'on the Wednesday',
  'after a while',
  'when it mattered',
  'in the end',
  'at the weekend',
];
const FILLERS = [
  "I don't know.",
  'It was hard.',
  'That helped.',
  'Not really.',
  'Yes, definitely.',
  'It made all the difference.',
];
const QUESTIONS = [
  'How did that feel?',
  'Can you say more about that?',
  'Who helped you most?',
  'What would you change?',
  'What happened next?',
];

/** A transcript of about `size` characters, and the spans of its answer sentences. */
export function makeTranscript(size, seed = 7) {
  const rand = random(seed);
  const pick = (list) => list[Math.floor(rand() * list.length)];
  const lines = [];
  const sentences = [];
  let length = 0;
  while (length < size) {
    const question = `I: ${pick(QUESTIONS)}`;
    lines.push(question);
    length += question.length + 1;
    let answer = 'P:';
    const count = 3 + Math.floor(rand() * 6);
    for (let s = 0; s < count; s++) {
      const sentence =
        rand() < 0.2
          ? pick(FILLERS)
          : `${pick(OPENERS)} ${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(TAILS)}.`;
      answer += ' ';
      sentences.push([length + answer.length, length + answer.length + sentence.length]);
      answer += sentence;
    }
    lines.push(answer);
    length += answer.length + 1;
  }
  return { text: lines.join('\n'), sentences };
}

/** `count` codings of one or two answer sentences, at seeded random places. */
export function makeCodings(core, transcript, count, seed = 11) {
  const rand = random(seed);
  const { text, sentences } = transcript;
  const anchors = [];
  for (let i = 0; i < count; i++) {
    const first = Math.floor(rand() * (sentences.length - 1));
    const last = rand() < 0.3 ? first + 1 : first;
    anchors.push(core.makeAnchor(text, sentences[first][0], sentences[last][1]));
  }
  return anchors;
}

const EDITS = {
  'one answer inserted near the start': (text) => {
    const at = text.indexOf('\n', 2000) + 1;
    return `${text.slice(0, at)}I: Was there anything else?\nP: Only that the ambulance was late, and I don't know why.\n${text.slice(at)}`;
  },
  'one typo fixed mid-document': (text) => {
    const at = text.indexOf('the tablets', text.length >> 1);
    return `${text.slice(0, at)}teh tablets${text.slice(at + 'the tablets'.length)}`;
  },
  'one paragraph moved from the start to the end': (text) => {
    const from = text.indexOf('\nP:', 5000) + 1;
    const to = text.indexOf('\n', from) + 1;
    return `${text.slice(0, from)}${text.slice(to)}\n${text.slice(from, to - 1)}`;
  },
  '20 scattered insertions': (text) => {
    let out = text;
    for (let k = 19; k >= 0; k--) {
      const at = out.indexOf('. ', Math.floor((out.length * (k + 0.5)) / 20)) + 2;
      out = `${out.slice(0, at)}(laughs) ${out.slice(at)}`;
    }
    return out;
  },
  'anonymisation: every "Maria" → "[daughter]"': (text) => text.replaceAll('Maria', '[daughter]'),
  'line endings: LF → CRLF': (text) => text.replaceAll('\n', '\r\n'),
};

export async function runAnchoringBench({ quick = false } = {}) {
  const core = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
  const transcript = makeTranscript(1_000_000);
  const anchors = makeCodings(core, transcript, 5_000);
  const runs = quick ? 1 : 5;
  const rows = [];
  for (const [name, edit] of Object.entries(EDITS)) {
    const newText = edit(transcript.text);
    core.reanchor(transcript.text, newText, anchors); // warm-up: the JIT, not the algorithm
    const times = [];
    const cpu = [];
    let results = [];
    for (let r = 0; r < runs; r++) {
      const started = performance.now();
      const cpuStarted = process.cpuUsage();
      results = core.reanchor(transcript.text, newText, anchors);
      const used = process.cpuUsage(cpuStarted);
      times.push(performance.now() - started);
      cpu.push((used.user + used.system) / 1000);
    }
    const count = (status) => results.filter((x) => x.status === status).length;
    rows.push([
      name,
      median(times),
      Math.max(...times),
      median(cpu),
      count('kept'),
      count('moved'),
      count('fuzzy'),
      count('orphan'),
    ]);
  }
  const chars = transcript.text.length.toLocaleString('en-US');
  return {
    rows,
    markdown: `What: \`reanchor(old, new, anchors)\` for ${anchors.length.toLocaleString('en-US')} codings (one or two sentences each) on a generated interview transcript of ${chars} characters, after each edit below; median of ${runs} run${runs === 1 ? '' : 's'} after a warm-up, wall clock and the process's CPU time (the machine is shared: under load the wall clock stretches, the CPU time much less). Target (issue 7): under 500 ms.\n\n${table(
      ['edit', 'median ms', 'max ms', 'CPU ms (median)', 'kept', 'moved', 'fuzzy', 'orphan'],
      rows.map(([name, med, max, cpuMed, ...counts]) => [
        name,
        Math.round(med),
        Math.round(max),
        Math.round(cpuMed),
        ...counts,
      ]),
    )}`,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await runAnchoringBench({ quick: process.argv.includes('--quick') });
  console.log(result.markdown);
}
