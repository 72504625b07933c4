import { createHash } from 'node:crypto';
import type { ChangeSignal } from '../db/change-feed.ts';

/** One cached public answer: the serialised JSON body exactly as it was sent. */
export interface CachedAnswer {
  body: string;
  /** A strong ETag from the body's content, so every node names the same answer alike. */
  etag: string;
  /** Where the reads that made it ran (the x-promatlas-read-from header), when a replica is configured. */
  servedFrom: string | undefined;
}

export interface ReadCacheOptions {
  /** Most answers kept (default 20,000); the least recently used go first. */
  maxEntries?: number;
  /** Most bytes of bodies kept (default 128 MB). */
  maxBytes?: number;
}

/** The strong ETag of a body: a content hash, the same on every node. */
export function etagOf(body: string): string {
  return `"${createHash('sha1').update(body).digest('base64url')}"`;
}

/**
 * The public reader's answers of the read routes (search, lists, profile
 * pages), per API node, in memory. An answer is valid until the next change
 * the change feed reports: any committed change to a table the readers see
 * empties the cache, on every node, a few milliseconds after the commit.
 * Signed-in users' answers are never kept (they differ by who asks and must
 * show one's own writes at once); see read-cache.plugin.ts.
 *
 * Emptying on every change instead of tracking which answer depends on which
 * row keeps the rule obviously right (a search or a count depends on any row);
 * it pays off where reads outnumber writes, which is the public registry's case.
 */
export class ReadCache {
  private readonly entries = new Map<string, CachedAnswer>();
  private bytes = 0;
  /** The feed's generation the entries belong to. */
  private seen: number;
  /** Counts every emptying (feed changes and local writes): what a fill is checked against. */
  private generation = 0;
  private readonly maxEntries: number;
  private readonly maxBytes: number;
  hits = 0;
  misses = 0;

  constructor(
    readonly feed: ChangeSignal,
    options: ReadCacheOptions = {},
  ) {
    this.seen = feed.generation;
    this.maxEntries = options.maxEntries ?? 20_000;
    this.maxBytes = options.maxBytes ?? 128 * 1024 * 1024;
  }

  /** Whether answers may be read and kept now: only while the feed is listening. */
  get usable(): boolean {
    return this.feed.live;
  }

  /** The generation a fill starting now belongs to; pass it back to `set`. */
  currentGeneration(): number {
    this.sync();
    return this.generation;
  }

  get(key: string): CachedAnswer | undefined {
    if (!this.usable) return undefined;
    this.sync();
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last: Map keeps insertion order.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Keeps an answer computed by a fill that started in `generation`. A change
   * reported while the fill ran may be missing from the answer: it is then
   * not kept.
   */
  set(key: string, generation: number, answer: CachedAnswer): void {
    if (!this.usable) return;
    this.sync();
    if (generation !== this.generation) return;
    const size = answer.body.length;
    if (size > this.maxBytes / 16) return;
    const old = this.entries.get(key);
    if (old) {
      this.entries.delete(key);
      this.bytes -= old.body.length;
    }
    this.entries.set(key, answer);
    this.bytes += size;
    while (this.entries.size > this.maxEntries || this.bytes > this.maxBytes) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.bytes -= this.entries.get(oldest)!.body.length;
      this.entries.delete(oldest);
    }
  }

  get size(): number {
    this.sync();
    return this.entries.size;
  }

  /**
   * Empties the cache at once: this node has just answered a write, whose
   * notification arrives a moment later; its own next reads must not wait for it.
   */
  invalidate(): void {
    this.entries.clear();
    this.bytes = 0;
    this.generation++;
  }

  private sync(): void {
    if (this.feed.generation !== this.seen) {
      this.seen = this.feed.generation;
      this.invalidate();
    }
  }
}
