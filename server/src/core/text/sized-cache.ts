/**
 * A least-recently-used cache bounded by the size of what it holds (the characters of the texts
 * behind its entries), not by how many: one long minutes file weighs as much as many short ones,
 * and what a parse keeps grows with its text.
 */
export class SizedCache<V> {
  private readonly entries = new Map<string, { value: V; size: number }>();
  private held = 0;

  constructor(private limit: number) {}

  /**
   * Raises the limit to at least `size`: a caller about to read a working set of that size
   * again and again (a series, for each of its files) needs all of it held, or every read
   * misses (least recently used is the worst order for a cycle) and the work grows with the
   * square of the set.
   */
  fit(size: number): void {
    if (size > this.limit) this.limit = size;
  }

  /** The entry of `key`, which becomes the most recently used. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry?.value;
  }

  /** Keeps a value as the most recently used; the least recently used go while over the limit, never the newest. */
  set(key: string, value: V, size: number): void {
    this.delete(key);
    this.entries.set(key, { value, size });
    this.held += size;
    for (const oldest of this.entries.keys()) {
      if (this.held <= this.limit || oldest === key) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.held -= entry.size;
  }

  /** Drops every entry `keep` refuses. */
  retain(keep: (key: string, value: V) => boolean): void {
    for (const [key, entry] of this.entries) if (!keep(key, entry.value)) this.delete(key);
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }

  /** The size of what is held, in the unit of `set`'s sizes. */
  get size(): number {
    return this.held;
  }
}
