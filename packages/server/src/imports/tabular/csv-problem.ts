import type { TabularProblem } from './tabular-problem.ts';

/** What csv-parse tells of a fault: its code, the line it reached and the field's 0-based position. */
interface CsvParseFault {
  code?: string;
  lines?: number;
  column?: number | string;
  field?: string;
  message: string;
}

/**
 * A CSV parsing fault as the user can act on it: the line where the faulty
 * record starts (an unclosed quote is only found at the end of the file, but
 * it was opened there), the column by its number and, once the header is
 * known, its name, and what to fix, in Russian and English. Both the whole
 * and the streamed CSV readers report through it.
 */
export function csvParseProblem(
  error: unknown,
  recordLine: number,
  headers: readonly string[] | null = null,
  delimiter = ',',
): TabularProblem {
  const fault = error as CsvParseFault;
  const index = typeof fault.column === 'number' ? fault.column : null;
  const name = index === null ? '' : (headers?.[index] ?? '').trim();
  const column = index === null ? null : name !== '' ? name : `столбец ${index + 1}`;
  const where =
    index === null ? null : name !== '' ? `столбец ${index + 1} «${name}»` : `столбец ${index + 1}`;
  const whereEn =
    index === null ? null : name !== '' ? `column ${index + 1} "${name}"` : `column ${index + 1}`;
  let ru: string;
  let en: string;
  let line = typeof fault.lines === 'number' ? fault.lines : null;
  switch (fault.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      line = recordLine;
      ru =
        'кавычка, открытая здесь, не закрыта до конца файла: закройте её или удвойте кавычку внутри значения ("")';
      en =
        'a quote opened here is not closed before the end of the file: close it, or double a quote inside the value ("")';
      break;
    case 'INVALID_OPENING_QUOTE':
      ru = `кавычка внутри значения «${fault.field ?? ''}…», не заключённого в кавычки: заключите значение в кавычки и удвойте кавычку внутри ("")`;
      en = `a quote inside the unquoted value "${fault.field ?? ''}…": put the value in quotes and double the quote inside ("")`;
      break;
    case 'CSV_INVALID_CLOSING_QUOTE':
      ru = `после закрывающей кавычки идёт текст, а не разделитель «${delimiter}»: удвойте кавычку внутри значения ("")`;
      en = `text follows a closing quote instead of the separator "${delimiter}": double the quote inside the value ("")`;
      break;
    default:
      ru = `ошибка разбора (${fault.message})`;
      en = `parse error (${fault.message})`;
  }
  return {
    line,
    column,
    code: 'csv_unreadable',
    message: `файл CSV не читается: ${where ? `${where} — ` : ''}${ru}`,
    messageEn: `CSV cannot be parsed: ${whereEn ? `${whereEn} — ` : ''}${en}`,
  };
}
