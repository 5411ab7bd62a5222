import type { BibliographicRecord } from '../records/bibliographic-record.js';
import type { AttributeType } from './attribute-value.js';

/**
 * The attributes a study case gets from its report's record metadata. Extraction (forms filled
 * per study) does not exist yet; when it does, its fields come in through `extraction` and take
 * precedence over metadata, so a country or sample size a reviewer extracted wins over a guess.
 */
export interface StudyAttributeSpec {
  name: string;
  valueType: AttributeType;
}

export const STUDY_ATTRIBUTES: readonly StudyAttributeSpec[] = [
  { name: 'Year', valueType: 'number' },
  { name: 'First author', valueType: 'text' },
  { name: 'Journal', valueType: 'text' },
  { name: 'DOI', valueType: 'text' },
  { name: 'Country', valueType: 'text' },
  { name: 'Language', valueType: 'text' },
];

/** Extra fields some formats carry that name a country (RIS CY, MEDLINE PL is the journal's, so not used). */
const COUNTRY_FIELDS = ['CY', 'country', 'Country'];

function firstExtra(record: BibliographicRecord, keys: readonly string[]): string | undefined {
  for (const key of keys) {
    const value = record.extra[key]?.find((v) => v.trim() !== '');
    if (value) return value.trim();
  }
  return undefined;
}

function firstAuthor(record: BibliographicRecord): string | undefined {
  const author = record.authors[0];
  if (!author) return undefined;
  return (author.literal ?? author.family).trim() || undefined;
}

/** Attribute values by attribute name (canonical text); names without a value are left out. */
export function deriveStudyAttributes(
  record: BibliographicRecord,
  extraction: Readonly<Record<string, string | number>> = {},
): Record<string, string> {
  const values: Record<string, string | undefined> = {
    Year: record.year === undefined ? undefined : String(record.year),
    'First author': firstAuthor(record),
    Journal: record.container?.trim() || record.containerAbbreviation?.trim() || undefined,
    DOI: record.doi?.trim() || undefined,
    Country: firstExtra(record, COUNTRY_FIELDS),
    Language: record.language?.trim() || undefined,
  };
  for (const [name, value] of Object.entries(extraction)) values[name] = String(value);
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

/** A study's case name as reviews cite it: "Alderwick 2021", "Anonymous" without an author. */
export function studyCaseName(record: BibliographicRecord): string {
  const author = firstAuthor(record) ?? (record.title ? record.title.slice(0, 60) : 'Unnamed study');
  return record.year === undefined ? author : `${author} ${record.year}`;
}

/**
 * Distinct names for studies that would share one ("Smith 2020a", "Smith 2020b"), in the order
 * given, as reference lists disambiguate; names already unique stay as they are.
 */
export function disambiguateNames(names: readonly string[]): string[] {
  const total = new Map<string, number>();
  for (const name of names) total.set(name, (total.get(name) ?? 0) + 1);
  const used = new Map<string, number>();
  return names.map((name) => {
    if ((total.get(name) ?? 0) < 2) return name;
    const index = used.get(name) ?? 0;
    used.set(name, index + 1);
    return `${name}${suffix(index)}`;
  });
}

function suffix(index: number): string {
  let n = index;
  let out = '';
  do {
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return out;
}
