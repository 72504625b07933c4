import iconv from 'iconv-lite';

/**
 * Decodes an uploaded text file: UTF-8 (with or without BOM) or Windows-1251,
 * as Excel saves CSV on Russian Windows. A buffer that is not valid UTF-8 is
 * read as Windows-1251.
 */
export function decodeText(buffer: Buffer): string {
  if (buffer.length >= 3 && buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf) {
    return buffer.subarray(3).toString('utf8');
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return iconv.decode(buffer, 'win1251');
  }
}
