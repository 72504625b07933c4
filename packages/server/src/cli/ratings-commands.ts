import fs from 'node:fs';
import { type Command, InvalidArgumentError } from 'commander';
import type { Connection } from '../db/connection.ts';
import { RatingsInputError, runRatingsCompute } from '../ratings/index.ts';
import { importIndicatorValues, IndicatorImportError } from '../ratings/index.ts';

function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1900 || n > 2100)
    throw new InvalidArgumentError('год — целое число от 1900 до 2100');
  return n;
}

function readFile(file: string, what: string): Buffer {
  if (!fs.existsSync(file)) throw new Error(`${what}: файл не найден: ${file}`);
  return fs.readFileSync(file);
}

/**
 * `promatlas ratings compute --methodology <json> --values <csv> --out <csv> [--year N]`
 * (files only, no database: runRatingsCompute) and
 * `promatlas ratings import-values <file> [--year N] [--dataset name] [--object-type site|cluster|region]`
 * (CSV or XLSX into the database; all or nothing). Input problems are printed
 * one per line with their line and field; the exit code is then 1.
 */
export function registerRatingsCommands(
  program: Command,
  withPreparedDatabase: <T>(fn: (c: Connection) => Promise<T>) => Promise<T>,
): void {
  const ratings = program
    .command('ratings')
    .description('Рейтинги: расчёт изданий и значения показателей');
  ratings
    .command('compute')
    .description(
      'Рассчитать рейтинг по методике (JSON) и значениям показателей (CSV object,indicator,value[,year][,peer_group][,source])',
    )
    .requiredOption('--methodology <file>', 'методика рейтинга, JSON')
    .requiredOption('--values <csv>', 'значения показателей, CSV')
    .requiredOption(
      '--out <csv>',
      'результат: object,peer_group,score,place,disqualified,score_<группа>…',
    )
    .option('--year <n>', 'какой год рассчитывать, если в файле несколько', year)
    .action((opts: { methodology: string; values: string; out: string; year?: number }) => {
      try {
        const csv = runRatingsCompute({
          methodologyJson: readFile(opts.methodology, 'методика').toString('utf8'),
          // Bytes, not text: the tabular layer decodes UTF-8 or Windows-1251 (Excel's CSV).
          valuesCsv: readFile(opts.values, 'значения'),
          ...(opts.year !== undefined ? { year: opts.year } : {}),
        });
        fs.writeFileSync(opts.out, csv);
        console.log(
          `Рейтинг рассчитан: ${opts.out} (${csv.trimEnd().split('\n').length - 1} объектов)`,
        );
      } catch (error) {
        if (!(error instanceof RatingsInputError)) throw error;
        console.error(`Ошибки во входных данных (${error.problems.length}):`);
        console.error(error.message);
        process.exitCode = 1;
      }
    });
  ratings
    .command('import-values <file>')
    .description(
      'Импорт значений показателей из CSV или XLSX (object,indicator,value,year,source); всё или ничего',
    )
    .option('--year <n>', 'год для строк без года', year)
    .option('--dataset <name>', 'набор значений', 'main')
    .option('--object-type <type>', 'что в столбце object: site, cluster или region', 'site')
    .action(async (file: string, opts: { year?: number; dataset: string; objectType: string }) => {
      if (!['site', 'cluster', 'region'].includes(opts.objectType))
        throw new Error(`--object-type: «${opts.objectType}» — допустимы site, cluster, region`);
      const content = readFile(file, 'значения');
      await withPreparedDatabase(async (c) => {
        try {
          const r = await importIndicatorValues(c.db, {
            content,
            year: opts.year,
            dataset: opts.dataset,
            objectType: opts.objectType as 'site',
          });
          console.log(
            `Набор «${r.dataset}»: строк ${r.rows}, новых ${r.inserted}, изменённых ${r.updated}, без изменений ${r.unchanged}; годы ${r.years.join(', ')}`,
          );
        } catch (error) {
          if (!(error instanceof IndicatorImportError)) throw error;
          console.error(
            `Файл не импортирован, ничего не записано. Ошибок: ${error.problems.length}`,
          );
          console.error(error.message);
          process.exitCode = 1;
        }
      });
    });
}
