import fs from 'node:fs';
import type { DatasetMeasure } from '@promatlas/core/domain/vocabulary.ts';
import path from 'node:path';
import { Command, InvalidArgumentError, Option } from 'commander';
import type { ImportResult } from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { Connection } from '../db/connection.ts';
import { ClusterMapInputError, runClusterMap } from '../clusters/mapping/index.ts';
import { registerClusterCheckCommand } from './cluster-check-command.ts';
import { findDatasetByName } from '../datasets/index.ts';
import { createDataset, importIntoDataset } from '../datasets/index.ts';

function readFile(file: string, what: string): Buffer {
  if (!fs.existsSync(file)) throw new Error(`${what}: файл не найден: ${file}`);
  return fs.readFileSync(file);
}

/**
 * `promatlas clusters map --input <csv> [--reference <csv>] --out <csv> [--summary <csv>]`:
 * location quotients, strong flags and stars from a CSV (see runClusterMap).
 * Warnings go to stderr; input problems are listed with line and field, exit code 1.
 */
export function registerClustersCommand(program: Command): void {
  const clusters = program.command('clusters').description('Кластерный анализ');
  clusters
    .command('map')
    .description(
      'Коэффициенты локализации, сильные кластеры и звёзды по CSV region,industry,employment[,establishments]',
    )
    .requiredOption('--input <csv>', 'входной файл: region,industry,employment[,establishments]')
    .option(
      '--reference <csv>',
      'база сравнения: industry,employment (по умолчанию — суммы входного файла)',
    )
    .requiredOption('--out <csv>', 'результат: region,industry,employment,lq,strong,stars')
    .option(
      '--summary <csv>',
      'сводка по регионам: region,traded_employment,strong_employment,cluster_strength',
    )
    .action((opts: { input: string; reference?: string; out: string; summary?: string }) => {
      // Bytes, not text: the tabular layer decodes UTF-8 or Windows-1251 (Excel's CSV).
      const inputCsv = readFile(opts.input, 'входной файл');
      const referenceCsv =
        opts.reference === undefined ? undefined : readFile(opts.reference, 'справочный файл');
      let result;
      try {
        result = runClusterMap(
          referenceCsv === undefined ? { inputCsv } : { inputCsv, referenceCsv },
        );
      } catch (error) {
        if (error instanceof ClusterMapInputError)
          throw new Error(`файлы не прочитаны:\n${error.message}`, { cause: error });
        throw error;
      }
      fs.writeFileSync(opts.out, result.out);
      if (opts.summary) fs.writeFileSync(opts.summary, result.summary);
      for (const warning of result.warnings) console.error(`Предупреждение: ${warning}`);
      const rows = result.out.split('\n').length - 2;
      console.log(
        `Записано строк: ${rows} → ${opts.out}${opts.summary ? `; сводка → ${opts.summary}` : ''}`,
      );
    });
  registerClusterCheckCommand(clusters);
}

function year(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1900 || n > 2200)
    throw new InvalidArgumentError('год — целое число от 1900 до 2200');
  return n;
}

interface ImportOptions {
  name: string;
  format?: 'rosstat' | 'csv' | 'xlsx';
  measure?: DatasetMeasure;
  unit?: string;
  classification: 'okved2' | 'cluster_category';
  regionLevel: 'federal_subject' | 'municipality';
  source?: string;
  sourceUrl?: string;
  illustrative?: boolean;
  regionColumn?: string;
  industryColumn?: string;
  valueColumn?: string;
  yearColumn?: string;
  year?: number;
}

/**
 * `promatlas import dataset <file> --name … [--format rosstat|csv|xlsx] [--region-column … --industry-column …
 * --value-column … --year-column …|--year N]`: creates the dataset, or imports into the one of that name
 * (re-importing the same file changes nothing), and prints matched and quarantined counts.
 */
export function registerDatasetImportCommand(
  imp: Command,
  withDatabase: <T>(fn: (c: Connection) => Promise<T>) => Promise<T>,
): void {
  imp
    .command('dataset <file>')
    .description('Импорт статистического набора: длинная таблица CSV/XLSX или выгрузка Росстата')
    .requiredOption(
      '--name <name>',
      'название набора (если набор с таким названием есть, файл импортируется в него)',
    )
    .addOption(
      new Option(
        '--format <format>',
        'формат файла (по умолчанию по расширению: .xlsx → xlsx, иначе csv)',
      ).choices(['rosstat', 'csv', 'xlsx']),
    )
    .addOption(
      new Option(
        '--measure <measure>',
        'показатель (по умолчанию employment; для rosstat — establishments)',
      ).choices(['employment', 'establishments', 'output']),
    )
    .option('--unit <unit>', 'единица измерения')
    .addOption(
      new Option('--classification <c>', 'классификация отраслей')
        .choices(['okved2', 'cluster_category'])
        .default('okved2'),
    )
    .addOption(
      new Option('--region-level <level>', 'уровень регионов')
        .choices(['federal_subject', 'municipality'])
        .default('federal_subject'),
    )
    .option('--source <text>', 'источник словами')
    .option('--source-url <url>', 'адрес источника')
    .option('--illustrative', 'иллюстративные (не реальные) данные')
    .option('--region-column <name>', 'столбец региона (csv, xlsx)')
    .option('--industry-column <name>', 'столбец отрасли (csv, xlsx)')
    .option('--value-column <name>', 'столбец значения (csv, xlsx)')
    .option('--year-column <name>', 'столбец года (csv, xlsx)')
    .option('--year <n>', 'год для всего файла, если столбца года нет', year)
    .action(async (file: string, opts: ImportOptions) => {
      const bytes = readFile(file, 'набор данных');
      const format = opts.format ?? (path.extname(file).toLowerCase() === '.xlsx' ? 'xlsx' : 'csv');
      let mapping;
      if (format !== 'rosstat') {
        const missing = (['regionColumn', 'industryColumn', 'valueColumn'] as const)
          .filter((k) => opts[k] === undefined)
          .map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`);
        if (opts.yearColumn === undefined && opts.year === undefined)
          missing.push('--year-column или --year');
        if (missing.length) throw new Error(`для формата ${format} укажите ${missing.join(', ')}`);
        mapping = {
          regionColumn: opts.regionColumn!,
          industryColumn: opts.industryColumn!,
          valueColumn: opts.valueColumn!,
          yearColumn: opts.yearColumn,
          year: opts.year,
        };
      }
      const datasetFile = { format, bytes, mapping };
      const fileName = path.basename(file);
      await withDatabase(async (c) => {
        const existing = await findDatasetByName(c.db, opts.name);
        const { dataset, import: result } = existing
          ? await importIntoDataset(c.db, existing.id, datasetFile, fileName)
          : await createDataset(
              c.db,
              {
                name: opts.name,
                measure: opts.measure ?? (format === 'rosstat' ? 'establishments' : 'employment'),
                unit: opts.unit,
                regionLevel: opts.regionLevel,
                industryClassification: opts.classification,
                sourceText: opts.source,
                sourceUrl: opts.sourceUrl,
                illustrative: opts.illustrative ?? false,
                file: { format },
              },
              datasetFile,
              fileName,
            );
        console.log(
          `Набор «${dataset.name}» (id ${dataset.id}${existing ? ', повторный импорт' : ''}):`,
        );
        console.log(report(result));
      });
    });
}

function report(r: ImportResult): string {
  const lines = [
    `  строк в файле: ${r.rowsRead}; сопоставлено строк: ${r.matchedRows}; значений: ${r.values}; пустых ячеек: ${r.emptyCells}`,
    `  регионов: ${r.regions}; отраслей: ${r.industries}; годы: ${r.years.join(', ') || '—'}`,
    `  отложено (карантин): ${r.quarantined}${r.quarantineByReason.length ? ` — ${r.quarantineByReason.map((q) => `${q.reasonCode}: ${q.rows}`).join(', ')}` : ''}`,
  ];
  for (const q of r.quarantineSample.slice(0, 5)) lines.push(`    ${q.reason}`);
  return lines.join('\n');
}
