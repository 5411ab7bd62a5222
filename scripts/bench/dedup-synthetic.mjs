// Synthetic bibliographic records with known duplicates, for timing the deduplication engine at
// scale (100,000 records) where no labelled set that large exists.
// Run: npx tsc -b packages/core && node scripts/bench/dedup-synthetic.mjs [n] [seed]
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** mulberry32: small, fast, seedable; the same seed gives the same records on every machine. */
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

const WORDS = (
  'stroke rehabilitation randomised controlled trial effect early mobilisation outcome patients acute ' +
  'ischaemic haemorrhagic cognitive impairment aphasia therapy intervention cohort study mortality risk ' +
  'factors association systematic review meta analysis elderly adults children treatment efficacy safety ' +
  'pulmonary embolism pleural effusion lung cancer chemotherapy survival quality life depression anxiety ' +
  'exercise training walking balance upper limb motor function recovery imaging biomarkers inflammation ' +
  'thrombolysis thrombectomy anticoagulation atrial fibrillation hypertension diabetes obesity screening ' +
  'community hospital primary care nursing caregivers costs economic evaluation follow long term ' +
  'prospective retrospective multicentre pilot feasibility protocol clinical practice guideline evidence'
).split(' ');

const FAMILIES = (
  'Smith Jones Williams Brown Taylor Wang Li Zhang Liu Chen Kim Lee Park Nguyen Müller Schmidt García ' +
  'Martínez Rossi Russo Dubois Moreau Silva Santos Kowalski Nowak Johansson Andersson Tanaka Suzuki Sato ' +
  'Bernhardt Langhorne Lindley Thrift Davis Powers Rabinstein Hill Clarke Walker Young Hall Allen Wright'
).split(' ');
const GIVEN =
  'John Mary Wei Min Jun Anna Peter Julie Richard Amanda Stephen Maria José Hans Yuki Li Olga Sarah'.split(
    ' ',
  );

const JOURNALS = [
  ['Stroke', 'Stroke'],
  ['Journal of Neurology, Neurosurgery, and Psychiatry', 'J Neurol Neurosurg Psychiatry'],
  ['Archives of Physical Medicine and Rehabilitation', 'Arch Phys Med Rehabil'],
  ['Clinical Rehabilitation', 'Clin Rehabil'],
  ['European Respiratory Journal', 'Eur Respir J'],
  ['American Journal of Respiratory and Critical Care Medicine', 'Am J Respir Crit Care Med'],
  ['Neurorehabilitation and Neural Repair', 'Neurorehabil Neural Repair'],
  ['International Journal of Stroke', 'Int J Stroke'],
  ['Lung Cancer', 'Lung Cancer'],
  ['Nature Reviews Neurology', 'Nat Rev Neurol'],
  ['Cerebrovascular Diseases', 'Cerebrovasc Dis'],
  ['Journal of Clinical Oncology', 'J Clin Oncol'],
];

/**
 * n records: about 70 % distinct works, the rest copies as another database would give them
 * (typos, missing DOIs, abbreviated journals, reordered or reformatted authors) and preprints of
 * published works. `workId` is the truth: records with one workId (and `kind` 'copy') are duplicates;
 * a preprint shares the workId but is a different report and must not be merged.
 */
export function generateRecords(n, seed = 1) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const out = [];
  const works = [];
  let workCount = 0;
  const newWork = () => {
    const wordCount = int(7, 16);
    const words = [];
    for (let i = 0; i < wordCount; i++) words.push(pick(WORDS));
    words[0] = words[0][0].toUpperCase() + words[0].slice(1);
    const authors = [];
    for (let i = int(1, 8); i > 0; i--)
      authors.push({
        family: pick(FAMILIES),
        given: `${pick(GIVEN)} ${String.fromCharCode(65 + int(0, 25))}.`,
      });
    const [container, abbreviation] = pick(JOURNALS);
    const first = int(1, 2500);
    const year = int(1990, 2024);
    const id = workCount++;
    return {
      id,
      record: {
        type: 'bibliographic-record',
        title: `${words.join(' ')}: a ${pick(['cohort study', 'randomised trial', 'systematic review', 'case series'])} (${id})`,
        authors,
        year,
        container,
        containerAbbreviation: abbreviation,
        volume: String(int(1, 400)),
        issue: String(int(1, 12)),
        pages: `${first}-${first + int(3, 15)}`,
        doi: `10.${int(1000, 9999)}/syn.${id}`,
        pmid: String(10_000_000 + id),
        abstract:
          `${words.slice().reverse().join(' ')} ${words.join(' ')} background methods results conclusions ${id}`.repeat(
            2,
          ),
        keywords: [],
        urls: [],
        extra: {},
        publicationType: 'journal-article',
      },
    };
  };
  const copyOf = (work) => {
    const r = JSON.parse(JSON.stringify(work.record));
    if (next() < 0.5) delete r.doi;
    if (next() < 0.5) delete r.pmid;
    if (next() < 0.5) r.container = r.containerAbbreviation;
    if (next() < 0.3) delete r.abstract;
    if (next() < 0.3 && r.title.length > 20) {
      const at = int(5, r.title.length - 10);
      r.title = r.title.slice(0, at) + r.title[at + 1] + r.title[at] + r.title.slice(at + 2);
    }
    if (next() < 0.3) r.title = `${r.title}.`;
    if (next() < 0.2) r.title = r.title.toUpperCase();
    if (next() < 0.3 && r.authors.length > 2) [r.authors[1], r.authors[2]] = [r.authors[2], r.authors[1]];
    if (next() < 0.4) {
      r.authors = r.authors.map((a) => ({
        family: `${a.family} ${a.given
          .split(' ')
          .map((part) => part[0])
          .join('')}`,
      }));
    }
    if (next() < 0.2) {
      const [start, end] = r.pages.split('-');
      r.pages = `${start}-${end.slice(-2)}`;
    }
    return r;
  };
  const preprintOf = (work) => {
    const r = JSON.parse(JSON.stringify(work.record));
    r.container = 'medRxiv';
    delete r.containerAbbreviation;
    delete r.volume;
    delete r.issue;
    delete r.pages;
    delete r.pmid;
    r.year -= next() < 0.6 ? 1 : 0;
    r.doi = `10.1101/${r.year}.0${int(1, 9)}.1${int(0, 9)}.${int(10000000, 99999999)}`;
    r.publicationType = 'preprint';
    return r;
  };
  while (out.length < n) {
    const roll = next();
    if (works.length < 10 || roll < 0.7) {
      const work = newWork();
      works.push(work);
      out.push({ id: `syn${out.length}`, workId: work.id, kind: 'original', record: work.record });
    } else if (roll < 0.95) {
      const work = pick(works);
      out.push({ id: `syn${out.length}`, workId: work.id, kind: 'copy', record: copyOf(work) });
    } else {
      const work = pick(works);
      out.push({ id: `syn${out.length}`, workId: work.id, kind: 'preprint', record: preprintOf(work) });
    }
  }
  return out;
}

/** Times findDuplicates on n synthetic records; counts false merges against the generator's truth. */
export async function runDedupSynthetic({ n = 100_000, seed = 1 } = {}) {
  const core = await import(pathToFileURL(join(root, 'packages/core/dist/index.js')).href);
  const items = generateRecords(n, seed);
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const result = core.findDuplicates(items.map(({ id, record }) => ({ id, record })));
  const seconds = (performance.now() - started) / 1000;
  // CPU time as well: this machine is shared, and wall time stretches with the load of others.
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const byId = new Map(items.map((item) => [item.id, item]));
  // A false merge: a group mixing works, or a preprint merged with the published report.
  let falseGroups = 0;
  let mergedRecords = 0;
  for (const group of result.groups) {
    mergedRecords += group.ids.length - 1;
    const members = group.ids.map((id) => byId.get(id));
    const works = new Set(members.map((member) => member.workId));
    const preprints = members.filter((member) => member.kind === 'preprint').length;
    if (works.size > 1 || (preprints > 0 && preprints < members.length)) falseGroups++;
  }
  const expectedMerges = items.filter((item) => item.kind === 'copy').length;
  return {
    records: n,
    seconds,
    cpuSeconds,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    groups: result.groups.length,
    possiblePairs: result.pairs.filter((pair) => pair.decision === 'possible').length,
    mergedRecords,
    expectedMerges,
    falseGroups,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const n = Number(process.argv[2] ?? 100_000);
  const seed = Number(process.argv[3] ?? 1);
  console.log(JSON.stringify(await runDedupSynthetic({ n, seed })));
}
