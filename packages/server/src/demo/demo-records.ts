/**
 * Fictional search results for the demo project: two database exports about collaboration
 * between acute hospitals and housing charities, overlapping as real exports do, so that
 * deduplication has certain duplicates to merge and a near-miss to leave alone. Every
 * title, author and journal is invented here; none describes a real study.
 */

interface DemoStudy {
  title: string;
  authors: string[];
  year: number;
  journal: string;
  volume: number;
  issue: number;
  firstPage: number;
  abstract: string;
  keywords: string[];
}

const SETTINGS = ['urban', 'coastal', 'rural', 'inner-city', 'county'];
const PROGRAMMES = [
  'a hospital discharge housing link worker scheme',
  'a step-down flat programme run with a housing charity',
  'a joint hospital and housing triage team',
  'a homelessness prevention pathway in the emergency department',
  'a shared care navigator post between a trust and a housing association',
  'a pooled budget for temporary accommodation after discharge',
];
const DESIGNS = [
  ['A qualitative study', 'Semi-structured interviews with staff and patients'],
  ['A mixed-methods evaluation', 'Routine data and focus groups'],
  ['A realist evaluation', 'Programme theory tested through interviews'],
  ['A process evaluation', 'Observation, documents and interviews'],
  ['A cohort study', 'Linked hospital and housing records'],
];
const FINDINGS = [
  'Trust between frontline staff grew when they shared a base and met daily.',
  'Differences in eligibility rules slowed referrals until a joint protocol was agreed.',
  'Short-term funding made partners reluctant to invest in the relationship.',
  'A named lead in each organisation kept the collaboration going through staff turnover.',
  'Shared data on delayed discharges gave both partners a reason to continue.',
];
const JOURNALS = [
  'Journal of Integrated Care Studies',
  'Housing, Health and Society',
  'International Review of Hospital Discharge',
  'Community Care Research',
];
const FAMILY = [
  'Okafor',
  'Lindqvist',
  'Haddad',
  'Moreau',
  'Tanaka',
  'Brennan',
  'Silva',
  'Kowalski',
  'Achterberg',
  'Nwosu',
];
const GIVEN = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K'];

/** A tiny deterministic generator: the demo is the same every time it is created. */
function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length] as T;
}

function demoStudies(): DemoStudy[] {
  const studies: DemoStudy[] = [];
  for (let i = 0; i < 30; i++) {
    const [design, method] = pick(DESIGNS, i + Math.floor(i / 5));
    const programme = pick(PROGRAMMES, i);
    const setting = pick(SETTINGS, i * 3);
    studies.push({
      title: `${design} of ${programme} in a ${setting} area`,
      authors: [0, 1, 2]
        .slice(0, 1 + (i % 3))
        .map((k) => `${pick(FAMILY, i + k * 3)}, ${pick(GIVEN, i + k)}.`),
      year: 2012 + (i % 11),
      journal: pick(JOURNALS, i),
      volume: 5 + (i % 9),
      issue: 1 + (i % 4),
      firstPage: 101 + i * 17,
      abstract: `${method} explored how ${programme} worked in a ${setting} area. ${pick(FINDINGS, i)} ${pick(FINDINGS, i + 2)}`,
      keywords: ['hospital discharge', 'housing', 'inter-organisational collaboration', setting],
    });
  }
  return studies;
}

function risEntry(study: DemoStudy, variant: 'medline' | 'cinahl', index: number): string {
  const lines = [
    'TY  - JOUR',
    ...study.authors.map((a) => `AU  - ${a}`),
    `TI  - ${variant === 'cinahl' ? study.title.toUpperCase() : study.title}`,
    `${variant === 'cinahl' ? 'JO' : 'JF'}  - ${study.journal}`,
    `PY  - ${study.year}`,
    `VL  - ${study.volume}`,
    `IS  - ${study.issue}`,
    `SP  - ${study.firstPage}`,
    `EP  - ${study.firstPage + 11}`,
    `AB  - ${study.abstract}`,
    ...study.keywords.map((k) => `KW  - ${k}`),
    // Only MEDLINE carries DOIs here, as often happens: duplicates must be found without them.
    ...(variant === 'medline' ? [`DO  - 10.99999/weft-demo.${2012 + index}.${index}`] : []),
    `ID  - ${variant}-${index + 1}`,
    'ER  - ',
  ];
  return lines.join('\n');
}

export interface DemoSearch {
  name: string;
  platform: string;
  query: string;
  dateRun: string;
  fileName: string;
  ris: string;
  recordCount: number;
}

/** MEDLINE holds studies 0–23, CINAHL 16–29: studies 16–23 appear in both. */
export function demoSearches(): DemoSearch[] {
  const studies = demoStudies();
  const medline = studies.slice(0, 24).map((s, i) => risEntry(s, 'medline', i));
  const cinahl = studies.slice(16).map((s, i) => risEntry(s, 'cinahl', i + 16));
  const query =
    '(hospital* OR "acute care") AND (housing OR homeless*) AND (collaborat* OR partnership* OR "joint working")';
  return [
    {
      name: 'MEDLINE',
      platform: 'Ovid',
      query,
      dateRun: '2026-03-02',
      fileName: 'medline-ovid.ris',
      ris: `${medline.join('\n')}\n`,
      recordCount: medline.length,
    },
    {
      name: 'CINAHL',
      platform: 'EBSCOhost',
      query,
      dateRun: '2026-03-02',
      fileName: 'cinahl-ebsco.ris',
      ris: `${cinahl.join('\n')}\n`,
      recordCount: cinahl.length,
    },
  ];
}
