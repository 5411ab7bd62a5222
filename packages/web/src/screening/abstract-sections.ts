/**
 * Structured abstracts ("BACKGROUND: … METHODS: … RESULTS: …") arrive as one run of text in most
 * exports. Splitting them at their headings makes a long abstract scannable. A heading is one to
 * four capitalised words and a colon, at the start or after a sentence; the text is only split when
 * at least two headings are found, so a stray "Note:" leaves the abstract alone.
 */
export interface AbstractSection {
  heading: string | null;
  text: string;
}

const HEADING =
  /(?:^|(?<=[.!?)\]]\s+))((?:[A-Z][A-Za-z]+|[A-Z]{2,})(?:\s+(?:and|of|&|[A-Z][A-Za-z]+|[A-Z]{2,})){0,3}):\s+/g;

export function abstractSections(abstract: string): AbstractSection[] {
  const text = abstract.trim();
  if (!text) return [];
  const matches = [...text.matchAll(HEADING)];
  if (matches.length < 2) return [{ heading: null, text }];
  const sections: AbstractSection[] = [];
  const first = matches[0]?.index ?? 0;
  if (first > 0) sections.push({ heading: null, text: text.slice(0, first).trim() });
  matches.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length;
    const end = matches[i + 1]?.index ?? text.length;
    sections.push({ heading: match[1] ?? '', text: text.slice(start, end).trim() });
  });
  return sections;
}
