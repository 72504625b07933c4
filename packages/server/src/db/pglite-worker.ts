/**
 * The embedded engine (PGlite) in a worker thread, seen from the main thread.
 *
 * PGlite runs each statement synchronously inside WebAssembly: in the
 * server's thread a long statement (a batch of a registry import) would
 * stop every other request for its whole duration. Here the engine lives in
 * pglite-thread.ts and this proxy offers the part of PGlite's interface the
 * application uses: execProtocolStream and waitReady (all node-postgres's
 * adapter needs, so the one pg.Pool keeps working), query (COPY from a blob),
 * exec, listen, dumpDataDir, close.
 *
 * Protocol answers come back as raw bytes and are parsed here by
 * node-postgres's own parser (pg-protocol), into the message objects pg
 * reads from a PostgreSQL server. The engine's memory stays in the worker.
 * If the worker dies, every pending and later call fails with EngineStoppedError
 * at once: queries fail, the health check answers 503, nothing waits forever.
 */
import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Results } from '@electric-sql/pglite';
import { DatabaseError, type BackendMessage } from 'pg-protocol/dist/messages.js';
import { Parser } from 'pg-protocol/dist/parser.js';
import { startModuleWorker, workerModule } from '../shared/module-worker.ts';

/** What the application uses of an embedded engine, whichever thread it runs in. */
export interface EmbeddedEngine {
  readonly waitReady: Promise<void>;
  execProtocolStream(
    message: Uint8Array,
    options?: { throwOnError?: boolean },
  ): Promise<readonly unknown[]>;
  query<T = Record<string, unknown>>(
    sql: string,
    params?: unknown[],
    options?: { blob?: Blob },
  ): Promise<Results<T>>;
  exec(sql: string): Promise<Results[]>;
  listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>>;
  dumpDataDir(compression?: 'none' | 'gzip' | 'auto'): Promise<Blob>;
  close(): Promise<void>;
}

/** The worker has stopped (crashed, was terminated or closed): the database cannot answer. */
export class EngineStoppedError extends Error {
  constructor(why: string) {
    super(`the embedded database engine has stopped: ${why}`);
    this.name = 'EngineStoppedError';
  }
}

// ---- messages between the threads (pglite-thread.ts answers them)

/** PGlite's compiled WebAssembly: the engine and initdb. */
export interface EngineModules {
  pglite: WebAssembly.Module;
  initdb: WebAssembly.Module;
}

export interface ThreadStart {
  dataDir: string;
  wasm: EngineModules;
  durable?: boolean | undefined;
  loadDataDir?: ArrayBuffer | undefined;
}

export type ThreadRequest = { id: number } & (
  | { op: 'protocol'; bytes: Uint8Array }
  | { op: 'query'; sql: string; params: unknown[]; blob?: ArrayBuffer | undefined }
  | { op: 'exec'; sql: string }
  | { op: 'dump'; compression: 'none' | 'gzip' | 'auto' }
  | { op: 'ping' }
  | { op: 'close' }
);

export interface SerialisedError {
  message: string;
  name?: string;
  fields: Record<string, string | number>;
}

export type ThreadReply =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; error: SerialisedError };

type ThreadEvent =
  | ThreadReply
  | { ready: true }
  | { ready: false; error: SerialisedError }
  | { notification: { channel: string; payload: string } };

type Op = ThreadRequest extends infer R ? (R extends { op: infer O } ? O : never) : never;
type Params<O extends Op> = Omit<Extract<ThreadRequest, { op: O }>, 'id' | 'op'>;

/**
 * A PostgreSQL error from the worker as the same DatabaseError pg raises for
 * a server's error (http/errors.ts reads its fields); anything else as an Error.
 */
function revive(error: SerialisedError): Error {
  if (typeof error.fields['code'] === 'string') {
    const revived = new DatabaseError(error.message, error.message.length, 'error');
    return Object.assign(revived, error.fields);
  }
  const revived = new Error(error.message);
  if (error.name) revived.name = error.name;
  return revived;
}

const thread = workerModule(import.meta.url, 'pglite-thread');

const pgliteDist = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
let compiled: Promise<EngineModules> | undefined;

/**
 * PGlite's WebAssembly, compiled once per process (in the background, off the
 * event loop) and handed to every engine thread: a thread would otherwise
 * compile its own copy on every start, which takes seconds. Compiled code is
 * shared between threads, not copied.
 */
function engineModules(): Promise<EngineModules> {
  compiled ??= Promise.all([
    fs.readFile(path.join(pgliteDist, 'pglite.wasm')).then((b) => WebAssembly.compile(b)),
    fs.readFile(path.join(pgliteDist, 'initdb.wasm')).then((b) => WebAssembly.compile(b)),
  ]).then(([pglite, initdb]) => ({ pglite, initdb }));
  compiled.catch(() => (compiled = undefined));
  return compiled;
}

/** The frontend messages PostgreSQL answers only at the next Sync or Flush: P, B, D, E, C. */
const HELD = new Set([0x50, 0x42, 0x44, 0x45, 0x43]);

/** PostgreSQL folds an unquoted channel name to lower case, as it does any identifier. */
function channelName(channel: string): string {
  return channel.startsWith('"') && channel.endsWith('"')
    ? channel.slice(1, -1).replace(/""/g, '"')
    : channel.toLowerCase();
}

export class PgliteWorker implements EmbeddedEngine {
  readonly waitReady: Promise<void>;
  private readonly worker: Worker;
  private readonly pending = new Map<
    number,
    { resolve: (value: unknown) => void; reject: (error: Error) => void }
  >();
  private readonly listeners = new Map<string, Set<(payload: string) => void>>();
  private nextId = 1;
  private held: Uint8Array[] = [];
  private stopped: EngineStoppedError | null = null;

  private constructor(start: ThreadStart, transfer: ArrayBuffer[]) {
    this.worker = startModuleWorker(thread, {
      workerData: start,
      transferList: transfer,
    });
    let ready!: () => void;
    let failed!: (error: Error) => void;
    this.waitReady = new Promise<void>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    // A failed start is reported by the caller's await of waitReady only.
    this.waitReady.catch(() => {});
    this.worker.on('message', (event: ThreadEvent) => {
      if ('id' in event) {
        const call = this.pending.get(event.id);
        if (!call) return;
        this.pending.delete(event.id);
        if (event.ok) call.resolve(event.value);
        else call.reject(revive(event.error));
      } else if ('notification' in event) {
        this.notify(event.notification.channel, event.notification.payload);
      } else if (event.ready) {
        ready();
      } else {
        failed(revive(event.error));
      }
    });
    this.worker.on('error', (error) => {
      this.stop(new EngineStoppedError(error.message));
      failed(this.stopped!);
    });
    this.worker.on('exit', (code) => {
      this.stop(new EngineStoppedError(`its thread exited with code ${code}`));
      failed(this.stopped!);
    });
  }

  /** Starts the engine's thread on a data directory (or memory://) and waits until it answers. */
  static async start(
    dataDir: string,
    options: { durable?: boolean; loadDataDir?: Blob } = {},
  ): Promise<PgliteWorker> {
    const loadDataDir = options.loadDataDir ? await options.loadDataDir.arrayBuffer() : undefined;
    const wasm = await engineModules();
    const engine = new PgliteWorker(
      { dataDir, wasm, durable: options.durable, loadDataDir },
      loadDataDir ? [loadDataDir] : [],
    );
    try {
      await engine.waitReady;
    } catch (error) {
      await engine.worker.terminate();
      throw error;
    }
    return engine;
  }

  private stop(error: EngineStoppedError): void {
    if (this.stopped) return;
    this.stopped = error;
    for (const call of this.pending.values()) call.reject(error);
    this.pending.clear();
  }

  private call<O extends Op>(
    op: O,
    params: Params<O>,
    transfer: ArrayBuffer[] = [],
  ): Promise<unknown> {
    if (this.stopped) return Promise.reject(this.stopped);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, op, ...params }, transfer);
    });
  }

  /** The held messages followed by `message`, in one buffer of its own (pg's serializer may hand out a view of a shared one). */
  private takeHeld(message: Uint8Array): Uint8Array {
    if (this.held.length === 0) return message.slice();
    const parts = [...this.held, message];
    this.held = [];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const part of parts) {
      out.set(part, at);
      at += part.length;
    }
    return out;
  }

  /** As PGlite does, each callback in a microtask of its own: a listener's failure never fails the exchange that carried the notification. */
  private notify(channel: string, payload: string): void {
    for (const callback of this.listeners.get(channel) ?? [])
      queueMicrotask(() => callback(payload));
  }

  async execProtocolStream(
    message: Uint8Array,
    { throwOnError = true }: { throwOnError?: boolean } = {},
  ): Promise<BackendMessage[]> {
    // Parse, Bind, Describe, Execute and Close are held until the Sync or
    // Flush that follows them and sent with it: one exchange with the thread
    // per statement instead of five. PostgreSQL itself answers them only at
    // Sync or Flush, so the client sees what a server would send.
    if (message.length > 0 && HELD.has(message[0]!)) {
      this.held.push(message.slice());
      return [];
    }
    const bytes = this.takeHeld(message);
    const raw = (await this.call('protocol', { bytes }, [
      bytes.buffer as ArrayBuffer,
    ])) as ArrayBuffer;
    const messages: BackendMessage[] = [];
    new Parser().parse(Buffer.from(raw), (m) => messages.push(m));
    for (const m of messages) {
      if (m.name === 'notification') {
        const n = m as BackendMessage & { channel: string; payload: string };
        this.notify(n.channel, n.payload);
      } else if (throwOnError && m instanceof DatabaseError) throw m;
    }
    return messages;
  }

  async query<T = Record<string, unknown>>(
    sql: string,
    params: unknown[] = [],
    options: { blob?: Blob } = {},
  ): Promise<Results<T>> {
    const blob = options.blob ? await options.blob.arrayBuffer() : undefined;
    return (await this.call('query', { sql, params, blob }, blob ? [blob] : [])) as Results<T>;
  }

  async exec(sql: string): Promise<Results[]> {
    return (await this.call('exec', { sql })) as Results[];
  }

  /** Calls `callback` with each notification's payload on `channel` until the returned function is called. */
  async listen(channel: string, callback: (payload: string) => void): Promise<() => Promise<void>> {
    const name = channelName(channel);
    let set = this.listeners.get(name);
    const first = !set;
    if (!set) this.listeners.set(name, (set = new Set()));
    set.add(callback);
    try {
      if (first) await this.exec(`LISTEN ${channel}`);
    } catch (error) {
      set.delete(callback);
      if (set.size === 0) this.listeners.delete(name);
      throw error;
    }
    return async () => {
      const current = this.listeners.get(name);
      if (!current?.delete(callback) || current.size > 0) return;
      this.listeners.delete(name);
      if (!this.stopped) await this.exec(`UNLISTEN ${channel}`);
    };
  }

  async dumpDataDir(compression: 'none' | 'gzip' | 'auto' = 'auto'): Promise<Blob> {
    return new Blob([(await this.call('dump', { compression })) as ArrayBuffer]);
  }

  /**
   * Whether the engine's thread answers: it replies once the statement it is
   * running ends, without waiting for the pool's one connection, which a
   * long transaction (an import's batch) holds meanwhile.
   */
  async ping(): Promise<void> {
    await this.call('ping', {});
  }

  /** Closes the engine (PostgreSQL shuts down cleanly) and ends its thread. */
  async close(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.call('close', {});
    } finally {
      this.stop(new EngineStoppedError('it was closed'));
      await this.worker.terminate();
    }
  }

  /** Ends the thread at once, as a crash would: no shutdown, the data directory as PostgreSQL left it. */
  async terminate(): Promise<void> {
    await this.worker.terminate();
  }
}
