/**
 * Reading an upload in the browser: a CSV's header row, so that the columns
 * can be mapped before sending. The file itself goes to the server as it is
 * (POST /api/uploads), which decodes UTF-8 or Windows-1251 itself.
 */

/** UTF-8 (with or without BOM), else Windows-1251, as the server reads it. */
export function decodeCsv(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('windows-1251').decode(bytes);
  }
}

/** The first line's cells: semicolon-separated when it has semicolons and no commas (as the server decides), quotes honoured. */
export function csvHeader(text: string): string[] {
  const line = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = line.includes(';') && !line.includes(',') ? ';' : ',';
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let k = 0; k < line.length; k++) {
    const c = line[k]!;
    if (quoted) {
      if (c === '"' && line[k + 1] === '"') {
        cell += '"';
        k++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      cells.push(cell.trim());
      cell = '';
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells.filter((c) => c !== '');
}

const GUESSES: Record<'region' | 'industry' | 'value' | 'year', RegExp> = {
  region: /регион|субъект|муницип|территор|region|municip/i,
  industry: /отрасл|оквэд|вид.*деят|категор|кластер|industry|okved|category|cluster/i,
  value: /значен|занят|числ|количеств|выпуск|value|employment|count|output/i,
  year: /^(год|year)$|год|year/i,
};

/** A first guess at which column holds what, by its name. */
export function guessColumn(
  header: string[],
  role: keyof typeof GUESSES,
  taken: string[] = [],
): string {
  return header.find((h) => GUESSES[role].test(h) && !taken.includes(h)) ?? '';
}
