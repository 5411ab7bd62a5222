/**
 * NVivo calls a kind of case a classification: each has its own attributes (the columns of its
 * classification sheet). Weft has four built in and lets a project name its own; `document`
 * is reserved for attributes of documents themselves.
 */
export const BUILT_IN_CLASSIFICATIONS = ['study', 'participant', 'organisation', 'site'] as const;
export type BuiltInClassification = (typeof BUILT_IN_CLASSIFICATIONS)[number];

/** The classification whose attributes describe documents rather than cases. */
export const DOCUMENT_CLASSIFICATION = 'document';

export const CLASSIFICATION_NAME_MAX = 40;

/** A classification name as stored: lower case, words joined by single hyphens ("focus-group"). */
export function normaliseClassificationName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

/** Why a classification name cannot be used, or undefined when it can. */
export function classificationNameProblem(name: string): string | undefined {
  const normal = normaliseClassificationName(name);
  if (normal === '') return 'A classification needs a name made of letters or digits.';
  if (normal.length > CLASSIFICATION_NAME_MAX)
    return `A classification name has at most ${CLASSIFICATION_NAME_MAX} characters.`;
  return undefined;
}

/** "focus-group" → "Focus group", for tabs and headings. */
export function classificationLabel(name: string): string {
  const words = name.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
