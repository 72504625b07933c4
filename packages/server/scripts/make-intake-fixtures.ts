/**
 * Makes the PDF fixtures of the intake tests from seed 002 (run once, output
 * committed: the tests must not depend on a system font):
 *   npx tsx packages/server/scripts/make-intake-fixtures.ts [font.ttf]
 * - seed-002.pdf: the text as a text layer, in an embedded Cyrillic font;
 * - seed-002-password.pdf: the same, encrypted with a user password;
 * - image-only.pdf: a page with drawn shapes and no text.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';

const here = path.dirname(fileURLToPath(import.meta.url));
const out = path.join(here, '../test/fixtures/intake');
const font = process.argv[2] ?? '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf';
const seed = fs.readFileSync(
  path.join(here, '../src/demo/sources/002_d7c196e4e83e66a2.txt'),
  'utf8',
);

function write(
  file: string,
  options: PDFKit.PDFDocumentOptions,
  draw: (doc: PDFKit.PDFDocument) => void,
) {
  return new Promise<void>((resolve) => {
    const doc = new PDFDocument({
      compress: true,
      info: { Title: 'PromAtlas intake fixture' },
      ...options,
    });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => {
      fs.writeFileSync(path.join(out, file), Buffer.concat(chunks));
      resolve();
    });
    draw(doc);
    doc.end();
  });
}

fs.mkdirSync(out, { recursive: true });
await write('seed-002.pdf', {}, (doc) => doc.font(font).fontSize(11).text(seed));
await write('seed-002-password.pdf', { userPassword: 'secret', pdfVersion: '1.7' }, (doc) =>
  doc.font(font).fontSize(11).text(seed),
);
await write('image-only.pdf', {}, (doc) =>
  doc.rect(50, 50, 200, 100).fill('#336699').circle(300, 300, 50).fill('#993333'),
);
console.log(
  fs
    .readdirSync(out)
    .map((f) => `${f} ${fs.statSync(path.join(out, f)).size}`)
    .join('\n'),
);
