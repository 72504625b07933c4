import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import type { Connection } from '../db/connection.ts';
import {
  entityOf,
  importRegistryFile,
  listRegistryImportQuarantine,
  REGISTRY_ENTITIES,
  REGISTRY_ENTITY_DEFINITIONS,
  type ImportActor,
  type RegistryEntity,
} from '../registry-import/index.ts';
import { DomainError } from '../shared/domain-errors.ts';

/** Bad command line: said on stderr in both languages, exit code 2. */
class UsageError extends Error {
  constructor(
    readonly ru: string,
    readonly en: string,
  ) {
    super(en);
  }
}

/** `--mapping`: inline JSON, or the path of a JSON file; an object «column header → field». */
function parseMapping(entity: RegistryEntity, value: string): Record<string, string> {
  const keys = Object.keys(REGISTRY_ENTITY_DEFINITIONS[entity].fields);
  const text = value.trim().startsWith('{')
    ? value
    : fs.existsSync(value)
      ? fs.readFileSync(value, 'utf8')
      : null;
  if (text === null)
    throw new UsageError(
      `--mapping: ни JSON, ни файл «${value}»`,
      `--mapping: neither JSON nor a file "${value}"`,
    );
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `--mapping: JSON не читается (${(error as Error).message})`,
      `--mapping: invalid JSON (${(error as Error).message})`,
    );
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new UsageError(
      '--mapping: ожидается объект {"заголовок столбца": "поле"}',
      '--mapping: an object {"column header": "field"} is expected',
    );
  for (const [header, field] of Object.entries(parsed)) {
    if (typeof field !== 'string' || (field !== '' && !keys.includes(field)))
      throw new UsageError(
        `--mapping: столбцу «${header}» сопоставлено неизвестное поле ${JSON.stringify(field)}; поля: ${keys.join(', ')}`,
        `--mapping: column "${header}" is mapped to an unknown field ${JSON.stringify(field)}; fields: ${keys.join(', ')}`,
      );
  }
  return parsed as Record<string, string>;
}

const where = (p: { line?: number | null; column: string | null }, en = false) =>
  [
    p.line !== null && p.line !== undefined ? (en ? `line ${p.line}` : `строка ${p.line}`) : null,
    p.column ? (en ? `column "${p.column}"` : `столбец «${p.column}»`) : null,
  ]
    .filter(Boolean)
    .join(', ');

/**
 * `promatlas import registry <file> --entity <entity> [--mapping <json>] [--dry-run]`, the
 * entity one of organisations, people, sites, clusters, contracts, statements.
 *
 * stdout: one summary line in Russian and one in English (with «Пробный
 * прогон» / "Dry run" first for a dry run). stderr: every row set aside, as
 * `строка N, столбец «X»: причина / line N, column "X": reason`, or the
 * problems of a file that cannot be read at all.
 *
 * Exit codes: 0 — every row written or already as in the file; 1 — rows set
 * aside (invalid, conflicting with a newer edit, duplicated) or the file
 * refused, or an operational error (database unavailable or locked by a
 * running server); 2 — usage (unknown option, missing file or --entity, an
 * entity not supported, a --mapping that is not a JSON object of known fields).
 */
export function registerRegistryImportCommand(
  imp: Command,
  withPrepared: <T>(fn: (c: Connection) => Promise<T>) => Promise<T>,
): void {
  imp
    .command('registry <file>')
    .description(
      'Импорт реестра из CSV (UTF-8 или Windows-1251, «;» или «,») или XLSX: организации, персоны с должностями, площадки с резидентами, кластеры с участниками, договоры кооперации, факты',
    )
    .requiredOption('--entity <entity>', `что импортируется: ${REGISTRY_ENTITIES.join(', ')}`)
    .option(
      '--mapping <json>',
      'сопоставление {"заголовок столбца": "поле"} — JSON или путь к файлу JSON',
    )
    .option(
      '--dry-run',
      'пробный прогон: сообщить, что было бы создано, изменено и отклонено, ничего не записывая',
    )
    .option('--sheet <sheet>', 'лист XLSX: имя или номер (по умолчанию первый)')
    .option('--header-row <n>', 'номер строки заголовка (по умолчанию определяется)')
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action(
      async (
        file: string,
        opts: {
          entity: string;
          mapping?: string;
          dryRun?: boolean;
          sheet?: string;
          headerRow?: string;
        },
      ) => {
        let columns: Record<string, string> | undefined;
        let headerRow: number | undefined;
        let entity: RegistryEntity;
        try {
          try {
            entity = entityOf(opts.entity);
          } catch (error) {
            const e = error as DomainError;
            throw new UsageError(e.messageRu, e.messageEn);
          }
          if (!fs.existsSync(file) || !fs.statSync(file).isFile())
            throw new UsageError(`файл не найден: ${file}`, `file not found: ${file}`);
          if (opts.mapping !== undefined) columns = parseMapping(entity, opts.mapping);
          if (opts.headerRow !== undefined) {
            headerRow = Number(opts.headerRow);
            if (!Number.isInteger(headerRow) || headerRow < 1)
              throw new UsageError(
                '--header-row: целое число от 1',
                '--header-row: an integer from 1',
              );
          }
        } catch (error) {
          if (!(error instanceof UsageError)) throw error;
          console.error(`Ошибка: ${error.ru}\nError: ${error.en}`);
          process.exitCode = 2;
          return;
        }
        // The file is read as a stream by the import (never whole): only its hash is computed here.
        const hash = createHash('sha256');
        for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
        const size = fs.statSync(file).size;
        const sheet =
          opts.sheet === undefined
            ? undefined
            : /^\d+$/.test(opts.sheet)
              ? Number(opts.sheet)
              : opts.sheet;
        const actor: ImportActor = {
          userId: null,
          regions: null,
          name: `командная строка (${os.userInfo().username})`,
          administrator: true,
          viewer: { user: null, sessionHash: null, csrfToken: null },
        };
        const { job, rows } = await withPrepared(async (c) => {
          const job = await importRegistryFile(
            c.db,
            c.kind,
            {
              path: path.resolve(file),
              fileName: path.basename(file),
              size,
              sha256: hash.digest('hex'),
            },
            { entity, columns, dryRun: !!opts.dryRun, sheet, headerRow },
            actor,
          );
          const rows = [];
          for (let page = 1; ; page++) {
            const { items, total } = await listRegistryImportQuarantine(
              c.db,
              job.id,
              actor,
              page,
              200,
              'open',
            );
            rows.push(...items);
            if (page * 200 >= total) break;
          }
          return { job, rows };
        });
        if (job.status === 'failed') {
          console.error('Файл не принят, ничего не записано / File refused, nothing written:');
          for (const p of job.problems)
            console.error(
              `${where(p) ? `${where(p)}: ` : ''}${p.message} / ${where(p, true) ? `${where(p, true)}: ` : ''}${p.messageEn}`,
            );
          process.exitCode = 1;
          return;
        }
        const c = job.counts;
        if (job.dryRun)
          console.log('Пробный прогон: ничего не записано / Dry run: nothing written');
        const label = REGISTRY_ENTITY_DEFINITIONS[entity].label;
        console.log(
          `${label.ru}: строк ${job.rowsTotal ?? 0}; создано ${c.created}; обновлено ${c.updated}; без изменений ${c.unchanged}; отклонено ${c.refused}; конфликтов ${c.conflicts}`,
        );
        console.log(
          `${label.en}: rows ${job.rowsTotal ?? 0}; created ${c.created}; updated ${c.updated}; unchanged ${c.unchanged}; refused ${c.refused}; conflicts ${c.conflicts}`,
        );
        for (const row of rows)
          for (const p of row.problems)
            console.error(
              `${where({ line: row.line, column: p.column })}: ${p.message} / ${where({ line: row.line, column: p.column }, true)}: ${p.messageEn}`,
            );
        if (c.refused + c.conflicts > 0) process.exitCode = 1;
      },
    );
}
