import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { TooLargeError, ValidationError } from '../shared/domain-errors.ts';

export interface StoredUpload {
  id: string;
  path: string;
  bytes: number;
  sha256: string;
  userId: number;
  expiresAt: number;
}

export const UPLOAD_TTL_MS = 60 * 60 * 1000;
/** Uploads a user may have waiting at once; the oldest goes when another arrives. */
const PER_USER = 4;

export const tooLarge = (limit: number) =>
  new TooLargeError(
    `Файл больше допустимого размера (${Math.round(limit / 1024 / 1024)} МБ)`,
    `The file exceeds the ${Math.round(limit / 1024 / 1024)} MB limit`,
    { code: 'payload_too_large' },
  );

/**
 * Uploaded files waiting to be imported: each streamed to a temporary file
 * (never held whole in memory), known by a random id, usable once by the user
 * who sent it, removed when taken and imported, when it expires, or when the
 * server stops.
 */
export class UploadStore {
  private readonly uploads = new Map<string, StoredUpload>();
  private dir: string | undefined;
  private readonly sweeper: NodeJS.Timeout;

  constructor(private readonly ttlMs = UPLOAD_TTL_MS) {
    this.sweeper = setInterval(() => void this.sweep(), Math.min(ttlMs, 60_000));
    this.sweeper.unref();
  }

  private async directory(): Promise<string> {
    this.dir ??= await fsp.mkdtemp(path.join(os.tmpdir(), 'promatlas-uploads-'));
    return this.dir;
  }

  /** Streams a request body to a temporary file, refusing it past `limit` bytes. */
  async save(body: NodeJS.ReadableStream, userId: number, limit: number): Promise<StoredUpload> {
    const id = randomBytes(16).toString('hex');
    const file = path.join(await this.directory(), id);
    const hash = createHash('sha256');
    let bytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        bytes += chunk.length;
        if (bytes > limit) return done(tooLarge(limit));
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(body, counter, fs.createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      await fsp.rm(file, { force: true });
      throw error;
    }
    const mine = [...this.uploads.values()].filter((u) => u.userId === userId);
    for (const old of mine.slice(0, Math.max(0, mine.length - PER_USER + 1)))
      await this.remove(old.id);
    const upload = {
      id,
      path: file,
      bytes,
      sha256: hash.digest('hex'),
      userId,
      expiresAt: Date.now() + this.ttlMs,
    };
    this.uploads.set(id, upload);
    return upload;
  }

  /**
   * Takes an upload for use: it is no longer listed, and the caller removes
   * the file with `remove` once done. Another user's upload is as unknown as
   * a missing one.
   */
  take(id: string, userId: number, field = 'uploadId'): StoredUpload {
    const upload = this.uploads.get(id);
    if (!upload || upload.userId !== userId || upload.expiresAt < Date.now())
      throw new ValidationError(
        `Загруженный файл «${id}» не найден (загрузки хранятся ${Math.round(this.ttlMs / 60_000)} минут и используются один раз)`,
        `Upload "${id}" not found (uploads are kept ${Math.round(this.ttlMs / 60_000)} minutes and used once)`,
        { fields: [{ field, message: 'загрузка не найдена', messageEn: 'upload not found' }] },
      );
    this.uploads.delete(id);
    return upload;
  }

  /** An upload, still listed for later use (a preview before the import takes it). */
  peek(id: string, userId: number, field = 'uploadId'): StoredUpload {
    const upload = this.take(id, userId, field);
    this.uploads.set(id, upload);
    return upload;
  }

  async remove(idOrUpload: string | StoredUpload): Promise<void> {
    const upload = typeof idOrUpload === 'string' ? this.uploads.get(idOrUpload) : idOrUpload;
    if (!upload) return;
    this.uploads.delete(upload.id);
    await fsp.rm(upload.path, { force: true });
  }

  private async sweep(): Promise<void> {
    const now = Date.now();
    for (const upload of [...this.uploads.values()])
      if (upload.expiresAt < now) await this.remove(upload);
  }

  /** The private temporary directory, once the first upload has created it. */
  get directoryPath(): string | undefined {
    return this.dir;
  }

  /** Files waiting (for tests and the health of the temporary directory). */
  get pending(): number {
    return this.uploads.size;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
    this.uploads.clear();
    if (this.dir) await fsp.rm(this.dir, { recursive: true, force: true });
  }
}
