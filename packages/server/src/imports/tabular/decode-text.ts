import chardet from 'chardet';
import iconv from 'iconv-lite';
import { TabularReadError } from './tabular-problem.ts';

/** Encodings a text table may be read in. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'windows-1251';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  /** Whether the bytes started with a byte-order mark (removed from `text`). */
  bom: boolean;
}

/** How much of a file the binary and KOI8-R checks look at: enough to decide, cheap on 50 MB. */
const SAMPLE_BYTES = 65536;

/**
 * Decodes a text file the way Russian users save them: UTF-8 (with or without
 * BOM), UTF-16LE with BOM (Excel's «Текст Юникод»), or Windows-1251 (Excel's
 * CSV on Russian Windows). Bytes that are not valid UTF-8 are Windows-1251
 * unless the chardet detector finds KOI8-R more likely: both are single-byte
 * Cyrillic, so a KOI8-R file would decode without error into garbage; it is
 * refused instead, as is a binary file (NUL bytes or many control characters
 * in the first 64 KB), naming what was found.
 */
export function decodeText(
  bytes: Uint8Array,
  encoding: 'detect' | TextEncoding = 'detect',
): DecodedText {
  const buffer = Buffer.isBuffer(bytes)
    ? bytes
    : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  if (encoding === 'utf-16le' || (encoding === 'detect' && hasUtf16Bom(buffer))) {
    const bom = hasUtf16Bom(buffer);
    return { text: buffer.subarray(bom ? 2 : 0).toString('utf16le'), encoding: 'utf-16le', bom };
  }
  const bom = buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf;
  if (encoding === 'detect') refuseBinary(buffer);
  if (encoding === 'windows-1251')
    return { text: iconv.decode(buffer, 'win1251'), encoding: 'windows-1251', bom: false };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(
      bom ? buffer.subarray(3) : buffer,
    );
    return { text, encoding: 'utf-8', bom };
  } catch {
    if (encoding === 'utf-8')
      throw new TabularReadError([
        {
          line: null,
          column: null,
          code: 'invalid_encoding',
          message: 'файл не в кодировке UTF-8',
          messageEn: 'the file is not valid UTF-8',
        },
      ]);
  }
  const sample = buffer.subarray(0, SAMPLE_BYTES);
  const confidence = (name: string) =>
    chardet.analyse(sample).find((m) => m.name === name)?.confidence ?? 0;
  if (confidence('KOI8-R') > confidence('windows-1251'))
    throw new TabularReadError([
      {
        line: null,
        column: null,
        code: 'unsupported_encoding',
        message:
          'файл, по-видимому, в кодировке KOI8-R: сохраните его в UTF-8 или Windows-1251 и загрузите снова',
        messageEn: 'the file appears to be KOI8-R: save it as UTF-8 or Windows-1251 and try again',
      },
    ]);
  return { text: iconv.decode(buffer, 'win1251'), encoding: 'windows-1251', bom: false };
}

function hasUtf16Bom(buffer: Buffer): boolean {
  return buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe;
}

/** A NUL byte, or more than 1 % control characters other than tab and line breaks, means binary. */
function refuseBinary(buffer: Buffer): void {
  const sample = buffer.subarray(0, SAMPLE_BYTES);
  let control = 0;
  for (const b of sample) {
    if (b === 0) throw binary();
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (sample.length > 0 && control / sample.length > 0.01) throw binary();
}

function binary(): TabularReadError {
  return new TabularReadError([
    {
      line: null,
      column: null,
      code: 'binary_file',
      message: 'двоичный файл, а ожидается текст (CSV в UTF-8 или Windows-1251) или книга XLSX',
      messageEn: 'a binary file, expected text (CSV in UTF-8 or Windows-1251) or an XLSX workbook',
    },
  ]);
}
