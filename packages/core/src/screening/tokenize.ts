/**
 * Lower-cased word tokens of two or more letters, digits or underscores: the same tokens as
 * scikit-learn's default `token_pattern` `(?u)\b\w\w+\b`, so settings carry over from ASReview.
 */
const TOKEN = /[\p{L}\p{N}_]{2,}/gu;

export function tokenize(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}
