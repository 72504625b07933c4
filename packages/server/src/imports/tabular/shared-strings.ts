import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A workbook's shared-strings table in bounded memory. Rows refer to their
 * text by index into this table, and Excel writes it apart from the sheets,
 * so the streamed reader must keep it for the whole read; as JavaScript
 * strings in an array it costs about 75 bytes a string (113 MB for 1.5
 * million) and grows with the file.
 *
 * Here the strings are packed in blocks of BLOCK_SIZE: each block one buffer
 * of their UTF-8 bytes after a table of their lengths. The packed blocks stay
 * in memory until they reach `memoryLimit` bytes; past that, they are
 * written to a temporary file and only each block's offset in it is kept
 * (8 bytes per BLOCK_SIZE strings). A lookup decodes only its own string
 * (each block's header holds its strings' byte offsets) and keeps it in a
 * direct-mapped cache of STRING_CACHE strings, so a string used on every row
 * (a region, a town) is decoded once; read from the file, the last
 * BLOCK_CACHE blocks' bytes are kept too, so strings used in the order Excel
 * numbered them (first use) cost one read per block. Decoding whole blocks
 * on a miss was measured first: lookups in random order, as a sheet repeating
 * names from anywhere in the table makes them, were ten times slower.
 *
 * The temporary file is unlinked as soon as it is open (on POSIX systems the
 * open descriptor keeps it readable), so nothing is left behind even when
 * the reading thread dies; `close` releases the descriptor.
 */

const BLOCK_SIZE = 64;
const BLOCK_CACHE = 1024;
const STRING_CACHE = 65536;
/** Packed bytes kept in memory before the table goes to a temporary file. */
export const DEFAULT_STRINGS_MEMORY_LIMIT = 32 * 1024 * 1024;

/** Stores open now (their temporary files or packed blocks): a leak shows here. */
const open = new Set<SharedStrings>();

/** How many strings tables are open now, and how many of them in a temporary file. */
export function openSharedStringStores(): { open: number; spilled: number } {
  let spilled = 0;
  for (const store of open) if (store.spilled) spilled++;
  return { open: open.size, spilled };
}

export interface SharedStringsOptions {
  /** Packed bytes kept in memory before spilling to a temporary file. */
  memoryLimit?: number | undefined;
  /** Where the temporary file goes; the system's temporary directory unless given. */
  tempDir?: string | undefined;
}

export class SharedStrings {
  private readonly memoryLimit: number;
  private readonly tempDir: string;
  /** Strings of the block being filled. */
  private pending: string[] = [];
  /** Packed blocks while in memory. */
  private blocks: Buffer[] = [];
  private memoryBytes = 0;
  /** Once spilled: the file and each block's start (block k spans offsets[k]..offsets[k+1]). */
  private fd: number | null = null;
  private offsets = new Float64Array(1024);
  private fileBytes = 0;
  private fileBlocks = 0;
  private sealed = 0;
  private count = 0;
  /** Decoded strings, direct-mapped: string i lives in slot i % STRING_CACHE. */
  private cachedIndex = new Int32Array(STRING_CACHE).fill(-1);
  private cachedText: Array<string | undefined> = new Array<string | undefined>(STRING_CACHE);
  /** Blocks' bytes read from the file, direct-mapped by block number. */
  private cachedBlockNo = new Int32Array(BLOCK_CACHE).fill(-1);
  private cachedBlock: Array<Buffer | undefined> = new Array<Buffer | undefined>(BLOCK_CACHE);
  private closed = false;

  constructor(options: SharedStringsOptions = {}) {
    this.memoryLimit = options.memoryLimit ?? DEFAULT_STRINGS_MEMORY_LIMIT;
    this.tempDir = options.tempDir ?? os.tmpdir();
    open.add(this);
  }

  get size(): number {
    return this.count;
  }

  /** Whether the table went to a temporary file. */
  get spilled(): boolean {
    return this.fd !== null;
  }

  /** Appends the next string (the table is read in order). */
  push(text: string): void {
    this.pending.push(text);
    this.count++;
    if (this.pending.length === BLOCK_SIZE) this.seal();
  }

  /** Ends the table: the last, partly filled block is packed too. */
  finish(): void {
    if (this.pending.length > 0) this.seal();
  }

  get(index: number): string | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const k = Math.floor(index / BLOCK_SIZE);
    const at = index % BLOCK_SIZE;
    if (k >= this.sealed) return this.pending[at];
    const slot = index % STRING_CACHE;
    if (this.cachedIndex[slot] === index) return this.cachedText[slot];
    const text = stringAt(this.fd === null ? this.blocks[k]! : this.fileBlock(k), at);
    this.cachedIndex[slot] = index;
    this.cachedText[slot] = text;
    return text;
  }

  /** Lets go of the temporary file and the packed blocks; safe to call twice. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    open.delete(this);
    this.blocks = [];
    this.pending = [];
    this.dropCache();
    if (this.fd !== null) {
      fs.closeSync(this.fd);
      this.fd = null;
    }
  }

  /** The table as excelts' reader takes it: `table[index]` for a cell's shared string. */
  asArray(): unknown[] {
    return new Proxy([], {
      get: (target, key) => {
        if (typeof key === 'string') {
          const index = Number(key);
          if (Number.isInteger(index)) return this.get(index);
          if (key === 'length') return this.count;
        }
        return Reflect.get(target, key) as unknown;
      },
    });
  }

  private dropCache(): void {
    this.cachedIndex.fill(-1);
    this.cachedText.fill(undefined);
    this.cachedBlockNo.fill(-1);
    this.cachedBlock.fill(undefined);
  }

  private fileBlock(k: number): Buffer {
    const slot = k % BLOCK_CACHE;
    if (this.cachedBlockNo[slot] === k) return this.cachedBlock[slot]!;
    const block = this.readBlock(k);
    this.cachedBlockNo[slot] = k;
    this.cachedBlock[slot] = block;
    return block;
  }

  private seal(): void {
    const block = pack(this.pending);
    this.pending = [];
    this.sealed++;
    if (this.fd === null) {
      this.blocks.push(block);
      this.memoryBytes += block.length;
      if (this.memoryBytes > this.memoryLimit) this.spill();
    } else this.append(block);
  }

  private spill(): void {
    const dir = fs.mkdtempSync(path.join(this.tempDir, 'promatlas-strings-'));
    const file = path.join(dir, 'strings.bin');
    this.fd = fs.openSync(file, 'w+', 0o600);
    try {
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {
      // A system that keeps open files from being removed: left to the temporary directory's cleaning.
    }
    const blocks = this.blocks;
    this.blocks = [];
    this.memoryBytes = 0;
    this.dropCache();
    for (const block of blocks) this.append(block);
  }

  private append(block: Buffer): void {
    const blockNo = this.fileBlocks++;
    if (blockNo + 1 >= this.offsets.length) {
      const grown = new Float64Array(this.offsets.length * 2);
      grown.set(this.offsets);
      this.offsets = grown;
    }
    let written = 0;
    while (written < block.length)
      written += fs.writeSync(
        this.fd!,
        block,
        written,
        block.length - written,
        this.fileBytes + written,
      );
    this.offsets[blockNo] = this.fileBytes;
    this.fileBytes += block.length;
    this.offsets[blockNo + 1] = this.fileBytes;
  }

  private readBlock(k: number): Buffer {
    const start = this.offsets[k]!;
    const length = this.offsets[k + 1]! - start;
    const buffer = Buffer.allocUnsafe(length);
    let read = 0;
    while (read < length) {
      const n = fs.readSync(this.fd!, buffer, read, length - read, start + read);
      if (n === 0) throw new Error('the shared-strings file ends early');
      read += n;
    }
    return buffer;
  }
}

/**
 * A block: its string count n, n + 1 byte offsets of its strings in the
 * data that follows (the last is the data's length), then their UTF-8 bytes.
 */
function pack(strings: readonly string[]): Buffer {
  const data = Buffer.from(strings.join(''), 'utf8');
  const head = 4 * (strings.length + 2);
  const block = Buffer.allocUnsafe(head + data.length);
  block.writeUInt32LE(strings.length, 0);
  let at = 0;
  strings.forEach((s, k) => {
    block.writeUInt32LE(at, 4 * (k + 1));
    at += Buffer.byteLength(s, 'utf8');
  });
  block.writeUInt32LE(at, 4 * (strings.length + 1));
  data.copy(block, head);
  return block;
}

function stringAt(block: Buffer, k: number): string {
  const head = 4 * (block.readUInt32LE(0) + 2);
  return block.toString(
    'utf8',
    head + block.readUInt32LE(4 * (k + 1)),
    head + block.readUInt32LE(4 * (k + 2)),
  );
}
