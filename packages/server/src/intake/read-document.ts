import path from 'node:path';
import { convert as htmlToText } from 'html-to-text';
import mammoth from 'mammoth';
import { decodeText, TabularReadError } from '../imports/index.ts';
import { TooLargeError, ValidationError } from '../shared/domain-errors.ts';

/** The largest file intake reads: a press release is kilobytes, a long report a few megabytes. */
export const INTAKE_FILE_LIMIT = 10 * 1024 * 1024;
/** The longest text kept for review (a source's text is limited to a million characters). */
export const INTAKE_TEXT_LIMIT = 1_000_000;

export type DocumentFormat = 'txt' | 'docx' | 'html' | 'pdf';

const fileProblem = (ru: string, en: string, code: string) =>
  new ValidationError(ru, en, {
    code,
    fields: [{ field: 'file', message: ru, messageEn: en }],
  });

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d];
const startsWith = (bytes: Buffer, sig: number[]) => sig.every((b, i) => bytes[i] === b);

/** The format by the file's own signature first, its name second (a .txt that is a zip is a zip). */
export function formatOf(bytes: Buffer, fileName: string): DocumentFormat {
  const ext = path.extname(fileName).toLowerCase();
  if (startsWith(bytes, PDF)) return 'pdf';
  if (startsWith(bytes, ZIP)) {
    if (ext === '.docx' || ext === '') return 'docx';
    throw fileProblem(
      `Файл «${fileName}» — архив (zip), а не документ; поддерживаются .txt, .docx, .html и .pdf`,
      `"${fileName}" is a zip archive, not a document; .txt, .docx, .html and .pdf are supported`,
      'unsupported_format',
    );
  }
  if (ext === '.docx')
    throw fileProblem(
      `Файл «${fileName}» не является документом Word (.docx)`,
      `"${fileName}" is not a Word document (.docx)`,
      'unreadable_file',
    );
  if (ext === '.pdf')
    throw fileProblem(
      `Файл «${fileName}» не является PDF`,
      `"${fileName}" is not a PDF`,
      'unreadable_file',
    );
  if (ext === '.html' || ext === '.htm') return 'html';
  if (ext === '.txt' || ext === '') return 'txt';
  if (ext === '.doc' || ext === '.rtf' || ext === '.odt')
    throw fileProblem(
      `Формат ${ext} не поддерживается: сохраните документ как .docx или .pdf`,
      `The ${ext} format is not supported: save the document as .docx or .pdf`,
      'unsupported_format',
    );
  return 'txt';
}

function decodePlain(bytes: Buffer, fileName: string): string {
  try {
    return decodeText(bytes).text;
  } catch (error) {
    if (!(error instanceof TabularReadError)) throw error;
    const problem = error.problems[0]!;
    if (problem.code === 'binary_file')
      throw fileProblem(
        `Файл «${fileName}» двоичный, а не текст: ожидается .txt (UTF-8 или Windows-1251), .docx, .html или .pdf`,
        `"${fileName}" is binary, not text: expected .txt (UTF-8 or Windows-1251), .docx, .html or .pdf`,
        'binary_file',
      );
    throw fileProblem(
      `Файл «${fileName}»: ${problem.message}`,
      `"${fileName}": ${problem.messageEn}`,
      problem.code,
    );
  }
}

/** Visible text of an HTML page: scripts, styles, images and link targets are dropped. */
export function textOfHtml(html: string): string {
  return htmlToText(html, {
    wordwrap: false,
    selectors: [
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'noscript', format: 'skip' },
      { selector: 'template', format: 'skip' },
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable', options: { uppercaseHeaderCells: false } },
    ],
  });
}

async function textOfDocx(bytes: Buffer, fileName: string): Promise<string> {
  try {
    return (await mammoth.extractRawText({ buffer: bytes })).value;
  } catch {
    throw fileProblem(
      `Не удалось прочитать документ Word «${fileName}»: файл повреждён или это не .docx`,
      `Could not read the Word document "${fileName}": the file is damaged or not a .docx`,
      'unreadable_file',
    );
  }
}

async function textOfPdf(bytes: Buffer, fileName: string): Promise<string> {
  // unpdf bundles PDF.js for servers (no worker, no canvas); loaded on first use only.
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    pdf = await getDocumentProxy(new Uint8Array(bytes));
  } catch (error) {
    if ((error as Error).name === 'PasswordException')
      throw fileProblem(
        `PDF «${fileName}» защищён паролем: снимите защиту и загрузите снова`,
        `The PDF "${fileName}" is password-protected: remove the password and upload it again`,
        'password_protected',
      );
    throw fileProblem(
      `Не удалось прочитать PDF «${fileName}»: файл повреждён`,
      `Could not read the PDF "${fileName}": the file is damaged`,
      'unreadable_file',
    );
  }
  try {
    const { text } = await extractText(pdf, { mergePages: false });
    const joined = (Array.isArray(text) ? text : [text]).join('\n\n');
    if (!/\p{L}/u.test(joined))
      throw fileProblem(
        `В PDF «${fileName}» нет текстового слоя (это скан или изображения): распознайте текст (OCR) и загрузите снова`,
        `The PDF "${fileName}" has no text layer (a scan or images): run text recognition (OCR) and upload it again`,
        'no_text_layer',
      );
    // A text layer breaks lines where the page did; a paragraph ends at an empty line.
    return joined.replace(/([^\n])\n(?!\n)/g, '$1 ');
  } finally {
    await pdf.cleanup();
  }
}

/**
 * The text of an uploaded document, with line breaks normalised. A file too
 * large, binary, password-protected or without a text layer is refused with
 * a bilingual error naming the file; nothing is stored.
 */
export async function readDocument(
  bytes: Buffer,
  fileName: string,
): Promise<{ text: string; format: DocumentFormat }> {
  if (bytes.length > INTAKE_FILE_LIMIT)
    throw new TooLargeError(
      `Файл «${fileName}» больше ${INTAKE_FILE_LIMIT / 1024 / 1024} МБ`,
      `"${fileName}" is larger than ${INTAKE_FILE_LIMIT / 1024 / 1024} MB`,
      { code: 'file_too_large' },
    );
  if (bytes.length === 0)
    throw fileProblem(`Файл «${fileName}» пуст`, `"${fileName}" is empty`, 'empty_file');
  const format = formatOf(bytes, fileName);
  let text: string;
  switch (format) {
    case 'pdf':
      text = await textOfPdf(bytes, fileName);
      break;
    case 'docx':
      text = await textOfDocx(bytes, fileName);
      break;
    case 'html':
      text = textOfHtml(decodePlain(bytes, fileName));
      break;
    case 'txt': {
      const plain = decodePlain(bytes, fileName);
      // A page saved with a .txt name is still a page: its scripts must not become text.
      text = /^\s*(<!doctype html|<html[\s>])/i.test(plain) ? textOfHtml(plain) : plain;
      break;
    }
  }
  return { text: normaliseText(text), format };
}

/** Line breaks as \n, no NUL or other control characters but tab and newline, no trailing blanks. */
export function normaliseText(text: string): string {
  return (
    text
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- control characters are what is removed
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
      .replace(/[ \t]+\n/g, '\n')
      .trim()
  );
}
