const MAX = 200;

/** A code name from selected text: whitespace collapsed, straight quotes trimmed, at most 200 characters cut at a word. */
export function inVivoName(selected: string): string {
  const clean = selected
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["“”'‘’]+|["“”'‘’]+$/g, '')
    .trim();
  if (clean.length <= MAX) return clean;
  const cut = clean.slice(0, MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
