import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { extractIntake, toIntakeContract } from '@promatlas/core/intake/index.ts';
import { decodeText as decodeTableText, TabularReadError } from '../imports/index.ts';

/** A bad argument or an unreadable input: message in Russian and English, exit code 2. */
class IntakeInputError extends Error {
  constructor(
    readonly messageRu: string,
    readonly messageEn: string,
  ) {
    super(messageEn);
  }
}

function publishedDate(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!m || !d || d.getUTCMonth() !== Number(m[2]) - 1 || d.getUTCDate() !== Number(m[3]))
    throw new IntakeInputError(
      `--published: ожидается дата ГГГГ-ММ-ДД, получено «${value}»`,
      `--published: expected a date YYYY-MM-DD, got "${value}"`,
    );
  return value;
}

/**
 * The text of a .txt file, decoded by the tabular layer's decoder (UTF-8 with
 * or without BOM, UTF-16LE with BOM, or Windows-1251). A binary file or one in
 * KOI8-R is refused rather than read as garbage.
 */
export function decodeText(bytes: Buffer, file: string): string {
  try {
    return decodeTableText(bytes).text;
  } catch (error) {
    if (!(error instanceof TabularReadError)) throw error;
    const problem = error.problems[0]!;
    if (problem.code === 'binary_file') throw binary(file);
    throw new IntakeInputError(`${file}: ${problem.message}`, `${file}: ${problem.messageEn}`);
  }
}

function binary(file: string): IntakeInputError {
  return new IntakeInputError(
    `${file}: двоичный файл, ожидается текст (.txt в UTF-8 или Windows-1251)`,
    `${file}: binary file, expected text (.txt in UTF-8 or Windows-1251)`,
  );
}

function extractFile(file: string, published: string | undefined): string {
  const text = decodeText(fs.readFileSync(file), file);
  const result = extractIntake(text, published ? { published } : {});
  return JSON.stringify(toIntakeContract(result), null, 2) + '\n';
}

/**
 * `promatlas intake extract <file.txt | dir> [--published YYYY-MM-DD] [--out FILE | DIR]`:
 * a file gives its proposals as JSON on stdout or in --out; a directory gives
 * `<name>.json` in the --out directory for every `*.txt` in it. Input errors
 * are printed in Russian and English and end with exit code 2.
 */
export function registerIntakeCommands(program: Command): void {
  const intake = program
    .command('intake')
    .description('Разбор документов: предложения фактов из текста');
  intake
    .command('extract <input>')
    .description(
      'Извлечь организации, людей, места, даты, суммы, количества, проценты, события и соглашения',
    )
    .option('--published <date>', 'дата публикации ГГГГ-ММ-ДД (для «9 июля», «в четверг»)')
    .option('--out <path>', 'файл (для одного файла) или каталог (для каталога) результата')
    .action((input: string, opts: { published?: string; out?: string }) => {
      try {
        const published = publishedDate(opts.published);
        if (!fs.existsSync(input))
          throw new IntakeInputError(
            `${input}: файл или каталог не найден`,
            `${input}: no such file or directory`,
          );
        if (fs.statSync(input).isDirectory()) {
          if (!opts.out)
            throw new IntakeInputError(
              '--out: для каталога нужен каталог результата',
              '--out: a directory input needs an output directory',
            );
          fs.mkdirSync(opts.out, { recursive: true });
          const files = fs
            .readdirSync(input)
            .filter((f) => f.toLowerCase().endsWith('.txt'))
            .sort();
          let failed = 0;
          for (const f of files) {
            try {
              const json = extractFile(path.join(input, f), published);
              fs.writeFileSync(path.join(opts.out, f.replace(/\.txt$/i, '.json')), json);
            } catch (error) {
              if (!(error instanceof IntakeInputError)) throw error;
              failed++;
              console.error(`Ошибка: ${error.messageRu}\nError: ${error.messageEn}`);
            }
          }
          console.log(
            `Обработано файлов: ${files.length - failed} из ${files.length} → ${opts.out}`,
          );
          if (failed) process.exitCode = 2;
          return;
        }
        const json = extractFile(input, published);
        // '--out DIR' with a single file writes <name>.json into that directory.
        if (opts.out && fs.existsSync(opts.out) && fs.statSync(opts.out).isDirectory())
          fs.writeFileSync(
            path.join(opts.out, path.basename(input).replace(/\.txt$/i, '') + '.json'),
            json,
          );
        else if (opts.out) fs.writeFileSync(opts.out, json);
        else process.stdout.write(json);
      } catch (error) {
        if (!(error instanceof IntakeInputError)) throw error;
        console.error(`Ошибка: ${error.messageRu}\nError: ${error.messageEn}`);
        process.exitCode = 2;
      }
    });
}
