import type { IntakeResult } from './types.ts';

/**
 * factRuEval-2016 track 1 helpers (pure: the caller reads the files).
 * toTask1 writes the response format of the official evaluator
 * ('per|org|loc START LENGTH' a line); scoreTask1 is an approximate
 * TypeScript re-implementation of its matching (token overlap, greedy
 * instead of optimal assignment, no span weights), so tests can guard a
 * floor without Python. Published figures come from the official t1_eval.py.
 */
export function toTask1(result: IntakeResult): string {
  const lines: string[] = [];
  for (const p of result.people) lines.push(`per ${p.start} ${p.end - p.start}`);
  for (const o of result.organisations) lines.push(`org ${o.start} ${o.end - o.start}`);
  // Only names: 'белорусский' or a lower-case descriptor-led place is not a track-1 mention.
  for (const l of result.places)
    if (/^\p{Lu}/u.test(l.text)) lines.push(`loc ${l.start} ${l.end - l.start}`);
  return lines.join('\n') + (lines.length ? '\n' : '');
}

export type Task1Tag = 'per' | 'org' | 'loc';
interface GoldToken {
  start: number;
  end: number;
  punctuation: boolean;
}
export interface Task1Mention {
  tag: Task1Tag;
  tokens: Set<number>;
}

export interface FactRuDocument {
  tokens: GoldToken[];
  mentions: Task1Mention[];
}

const TAGS: Readonly<Record<string, Task1Tag>> = {
  Person: 'per',
  Org: 'org',
  Location: 'loc',
  LocOrg: 'loc',
};

/** Parses a document's .tokens, .spans and .objects files (LocOrg counted as a location, as with -l). */
export function parseFactRu(
  tokensFile: string,
  spansFile: string,
  objectsFile: string,
): FactRuDocument {
  const tokens: GoldToken[] = [];
  const tokenIndex = new Map<string, number>();
  for (const line of tokensFile.split('\n')) {
    const [id, start, length, ...rest] = line.trim().split(' ');
    if (!id || start === undefined || length === undefined) continue;
    const text = rest.join(' ');
    tokenIndex.set(id, tokens.length);
    tokens.push({
      start: Number(start),
      end: Number(start) + Number(length),
      punctuation: !/[\p{L}\p{N}]/u.test(text),
    });
  }
  const spans = new Map<string, number[]>();
  for (const line of spansFile.split('\n')) {
    const parts = line.split('#')[0]!.trim().split(/\s+/);
    if (parts.length < 6) continue;
    const first = tokenIndex.get(parts[4]!);
    if (first === undefined) continue;
    const n = Number(parts[5]);
    spans.set(
      parts[0]!,
      Array.from({ length: n }, (_, k) => first + k),
    );
  }
  const mentions: Task1Mention[] = [];
  for (const line of objectsFile.split('\n')) {
    const parts = line.split('#')[0]!.trim().split(/\s+/);
    const tag = TAGS[parts[1] ?? ''];
    if (!tag) continue;
    const set = new Set<number>();
    for (const id of parts.slice(2))
      for (const t of spans.get(id) ?? []) if (!tokens[t]!.punctuation) set.add(t);
    if (set.size) mentions.push({ tag, tokens: set });
  }
  return { tokens, mentions };
}

export function responseMentions(doc: FactRuDocument, task1: string): Task1Mention[] {
  const out: Task1Mention[] = [];
  for (const line of task1.split('\n')) {
    const [tag, start, length] = line.trim().split(' ');
    if (tag !== 'per' && tag !== 'org' && tag !== 'loc') continue;
    const s = Number(start);
    const e = s + Number(length);
    const set = new Set<number>();
    doc.tokens.forEach((t, i) => {
      if (t.start >= s && t.end <= e && !t.punctuation) set.add(i);
    });
    out.push({ tag, tokens: set });
  }
  return out;
}

export interface Task1Counts {
  tp: number;
  nStd: number;
  nTest: number;
}

/** Token-overlap quality of matched pairs, greedy best-first, per tag. */
export function scoreTask1(
  gold: Task1Mention[],
  test: Task1Mention[],
): Record<Task1Tag, Task1Counts> {
  const out = {} as Record<Task1Tag, Task1Counts>;
  for (const tag of ['per', 'org', 'loc'] as const) {
    const g = gold.filter((m) => m.tag === tag);
    const t = test.filter((m) => m.tag === tag);
    const pairs: [number, number, number][] = [];
    g.forEach((a, i) =>
      t.forEach((b, j) => {
        let inter = 0;
        for (const x of a.tokens) if (b.tokens.has(x)) inter++;
        if (inter) pairs.push([inter / (a.tokens.size + b.tokens.size - inter), i, j]);
      }),
    );
    pairs.sort((x, y) => y[0] - x[0]);
    const usedG = new Set<number>();
    const usedT = new Set<number>();
    let tp = 0;
    for (const [q, i, j] of pairs) {
      if (usedG.has(i) || usedT.has(j)) continue;
      usedG.add(i);
      usedT.add(j);
      tp += q;
    }
    out[tag] = { tp, nStd: g.length, nTest: t.length };
  }
  return out;
}

export function f1(c: Task1Counts): number {
  const p = c.nTest ? c.tp / c.nTest : 0;
  const r = c.nStd ? c.tp / c.nStd : 0;
  return p + r ? (2 * p * r) / (p + r) : 0;
}
