/**
 * The texts of document versions, kept in memory between commands. A version's text never changes
 * once written (an edit makes a new version), so a cached text is never stale, in this process or
 * any other. Without it every coding of a 1 MB transcript read the whole text again.
 * Bounded by total length; the least recently used texts go first.
 */
export class VersionTextCache {
  private readonly texts = new Map<string, string>();
  private size = 0;

  constructor(private readonly maxChars = 64 * 1024 * 1024) {}

  /** The version's text, from memory or else from `load` (which reads the store). */
  async get(versionId: string, load: () => Promise<string | undefined>): Promise<string | undefined> {
    const cached = this.texts.get(versionId);
    if (cached !== undefined) {
      this.texts.delete(versionId);
      this.texts.set(versionId, cached);
      return cached;
    }
    const text = await load();
    if (text !== undefined) this.remember(versionId, text);
    return text;
  }

  private remember(versionId: string, text: string): void {
    if (text.length > this.maxChars) return;
    this.texts.set(versionId, text);
    this.size += text.length;
    for (const [id, old] of this.texts) {
      if (this.size <= this.maxChars) break;
      this.texts.delete(id);
      this.size -= old.length;
    }
  }
}

/** One cache per server process: versions are immutable, so sharing it across stores is safe. */
export const versionTextCache = new VersionTextCache();
