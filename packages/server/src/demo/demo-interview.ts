/*
 * A fictional interview for the demo project: written for Weft, about no real person or
 * organisation. It gives a new user a document to code at once, with a small starting codebook
 * and a few codings already made through the ordinary commands.
 */

export const DEMO_INTERVIEW_FILE_NAME = 'interview-discharge-coordinator.txt';

export const DEMO_INTERVIEW = [
  'Interviewer: Could you start by telling me how the arrangement with the housing charity began?',
  'Coordinator: It started with one winter. We had people medically fit to leave and nowhere to send them, so beds were blocked for weeks. A manager at the charity rang our ward sister directly and offered to sit in on our discharge meetings.',
  'Interviewer: What made that first step possible?',
  'Coordinator: Honestly, the two of them already knew each other from a previous job. That personal trust did more than any agreement would have. Later we wrote a memorandum, but the working relationship came first.',
  'Interviewer: How is the work paid for now?',
  'Coordinator: The charity worker is funded for two years from a small innovation grant. Nobody knows what happens after that, and the uncertainty makes it hard to plan or to recruit.',
  'Interviewer: Who decides how cases are handled when the two organisations disagree?',
  'Coordinator: We set up a joint panel that meets every fortnight. Either side can bring a case, and the panel has the final say, so disagreements do not bounce between managers.',
  'Interviewer: Has anything outside the partnership affected it?',
  'Coordinator: The council changed its housing allocation rules last spring. Overnight we lost the short-stay flats we relied on, and the charity had to find private landlords instead.',
  'Interviewer: Looking back, what would you tell another hospital starting out?',
  'Coordinator: Agree on what you are both trying to achieve before you argue about money. Our shared aim was simple: nobody leaves hospital to sleep on the street.',
].join('\n');

export interface DemoCode {
  key: string;
  name: string;
  description: string;
  colour: string;
}

/** A starting codebook: broad domains a team might begin inductive coding with. */
export const DEMO_CODES: DemoCode[] = [
  {
    key: 'purpose',
    name: 'Shared purpose',
    description: 'Why the organisations work together and the aims they hold in common.',
    colour: '#1c7ed6',
  },
  {
    key: 'relationships',
    name: 'Relationships and trust',
    description: 'Personal ties, trust and working culture between the partners.',
    colour: '#2f9e44',
  },
  {
    key: 'resources',
    name: 'Resources',
    description: 'Money, staff, time and other means the collaboration depends on.',
    colour: '#f08c00',
  },
  {
    key: 'governance',
    name: 'Governance',
    description: 'How decisions are made and disagreements settled across the partnership.',
    colour: '#7048e8',
  },
  {
    key: 'external',
    name: 'External factors',
    description: 'Policy, regulation and other outside forces acting on the partnership.',
    colour: '#e03131',
  },
];

/** Passages coded in the demo, found in the document's text by their exact words. */
export const DEMO_CODINGS: { code: string; quote: string }[] = [
  { code: 'relationships', quote: 'That personal trust did more than any agreement would have.' },
  {
    code: 'resources',
    quote: 'The charity worker is funded for two years from a small innovation grant.',
  },
  { code: 'governance', quote: 'We set up a joint panel that meets every fortnight.' },
  { code: 'external', quote: 'The council changed its housing allocation rules last spring.' },
  {
    code: 'purpose',
    quote: 'Our shared aim was simple: nobody leaves hospital to sleep on the street.',
  },
];
