import fs from 'node:fs';
import type { Command } from 'commander';
import type { Connection } from '../db/connection.ts';
import { importOkpd2File } from '../reference/index.ts';
import { importOktmoFile } from '../reference/index.ts';

/**
 * `promatlas import okpd2 <file>` and `promatlas import oktmo <file>`: the
 * classifiers from the files Rosstat publishes (layouts in
 * reference/import-okpd2.ts and import-oktmo.ts). A file in another layout
 * is refused with the expected columns named; nothing is written then.
 */
export function registerClassifierImportCommands(
  imp: Command,
  withPrepared: <T>(fn: (c: Connection) => Promise<T>) => Promise<T>,
): void {
  const read = (file: string) => {
    if (!fs.existsSync(file)) throw new Error(`Файл не найден: ${file}`);
    return fs.readFileSync(file);
  };
  imp
    .command('okpd2 <file>')
    .description('Импорт классификатора ОКПД2 (ОК 034-2014) из CSV Росстата (Razdel;Code;Name)')
    .action(async (file: string) => {
      const bytes = read(file);
      const result = await withPrepared((c) => importOkpd2File(c.db, bytes));
      console.log(
        `ОКПД2: ${result.total} кодов (разделов ${result.sections}, новых или обновлённых ${result.upserted})`,
      );
    });
  imp
    .command('oktmo <file>')
    .description(
      'Импорт классификатора ОКТМО (ОК 033-2013) из CSV открытых данных Росстата (Kod1;Kod2;Kod3;Kod4;KCH;Razdel;Name;…)',
    )
    .action(async (file: string) => {
      const bytes = read(file);
      const result = await withPrepared((c) => importOktmoFile(c.db, bytes));
      console.log(
        `ОКТМО: ${result.total} кодов (муниципальных образований и поселений ${result.municipalities}, населённых пунктов ${result.localities}, новых или обновлённых ${result.upserted})`,
      );
      for (const [kod1, rows] of Object.entries(result.outsideSubjects))
        console.log(
          `Пропущено строк с Kod1 ${kod1}: ${rows} (нет субъекта РФ с таким кодом ОКТМО в справочнике регионов)`,
        );
    });
}
