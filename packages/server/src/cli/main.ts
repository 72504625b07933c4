import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { UserCreateSchema } from '@promatlas/core/api/accounts.schema.ts';
import { createUser, listUsers } from '../users/index.ts';
import { handOverFirstPassword } from '../users/index.ts';
import { Command, InvalidArgumentError } from 'commander';
import { parseConfig, type Config } from '../config/config.ts';
import { openDatabase, prepareDatabase, startServer } from '../server.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { syncReferenceData } from '../reference/index.ts';
import { loadDemoData } from '../demo/index.ts';
import { loadIllustrativeDataset } from '../demo/index.ts';
import { importOkvedFile } from '../reference/index.ts';
import { registerRatingsCommands } from './ratings-commands.ts';
import { syncDefaultMethodologies } from '../ratings/index.ts';
import { registerClustersCommand, registerDatasetImportCommand } from './analytics-commands.ts';
import { backupEmbedded, backupPostgres, restoreEmbedded, restorePostgres } from '../db/backup.ts';
import { registerClassifierImportCommands } from './classifier-commands.ts';
import { registerRegistryImportCommand } from './registry-import-command.ts';
import { DomainError } from '../shared/domain-errors.ts';

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('порт — целое число от 0 до 65535');
  return n;
}

async function withDatabase<T>(
  config: Config,
  fn: (c: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>,
): Promise<T> {
  const connection = await openDatabase(config);
  try {
    return await fn(connection);
  } finally {
    await connection.close();
  }
}

/** `npx promatlas …`: the same services the HTTP API uses. */
export async function main(argv: string[]): Promise<void> {
  const config = parseConfig(process.env, process.cwd());
  const program = new Command('promatlas').description('PromAtlas — Промышленный атлас');
  program
    .command('serve')
    .description('Запустить сервер (встроенная база в --data-dir, если не задан DATABASE_URL)')
    .option('--port <n>', 'порт', port)
    .option('--host <host>', 'адрес')
    .option('--data-dir <dir>', 'каталог встроенной базы данных')
    .option('--no-demo', 'не загружать демонстрационные данные в пустую базу')
    .action(async (opts: { port?: number; host?: string; dataDir?: string; demo: boolean }) => {
      const effective: Config = {
        ...config,
        port: opts.port ?? config.port,
        host: opts.host ?? config.host,
        dataDir: opts.dataDir
          ? parseConfig({ ...process.env, PROMATLAS_DATA_DIR: opts.dataDir }, process.cwd()).dataDir
          : config.dataDir,
      };
      const server = await startServer(effective, { demo: opts.demo });
      const where = config.databaseUrl
        ? 'PostgreSQL (DATABASE_URL)'
        : `встроенная база в ${effective.dataDir}`;
      console.log(`PromAtlas: ${server.url} — ${where}`);
      const passwordFile = await handOverFirstPassword(effective.dataDir, server);
      if (passwordFile)
        console.log(
          `Создан администратор ${server.firstAdministrator!.email}; пароль первого входа записан в ${passwordFile} (доступен только владельцу файла).\n` +
            'При первом входе пароль нужно сменить; после смены файл удаляется при следующем запуске (или удалите его сами).',
        );
      const stop = async () => {
        await server.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  const db = program.command('db').description('База данных');
  db.command('migrate')
    .description('Применить миграции и обновить справочники')
    .action(async () =>
      withDatabase(config, async (c) => {
        const applied = await migrateToLatest(c.db);
        await syncReferenceData(c.db);
        await syncDefaultMethodologies(c.db);
        console.log(
          applied.length ? `Применены миграции: ${applied.join(', ')}` : 'Схема актуальна',
        );
      }),
    );
  db.command('seed-demo')
    .description('Загрузить демонстрационные данные (факты пяти пресс-релизов)')
    .option('--illustrative', 'и выдуманный набор «занятость по кластерным категориям»')
    .action(async (opts: { illustrative?: boolean }) =>
      withDatabase(config, async (c) => {
        await prepareDatabase(c, { demo: false });
        const result = await loadDemoData(c.db);
        console.log(
          result
            ? `Загружено: источников ${result.sources}, организаций ${result.organisations}, фактов ${result.statements}`
            : 'Демонстрационные данные уже загружены',
        );
        if (opts.illustrative) {
          const values = await loadIllustrativeDataset(c.db);
          console.log(
            values === null
              ? 'Иллюстративный набор уже загружен'
              : `Иллюстративный набор (не реальная статистика): значений ${values}`,
          );
        }
      }),
    );
  db.command('backup <file>')
    .description(
      'Резервная копия базы в файл (pg_dump -Fc для DATABASE_URL; для встроенной базы — снимок, в том числе у работающего сервера)',
    )
    .action(async (file: string) => {
      if (config.databaseUrl) {
        await backupPostgres(config.databaseUrl, file);
        console.log(
          `Резервная копия PostgreSQL записана в ${file} / PostgreSQL backup written to ${file}`,
        );
        return;
      }
      const how = await backupEmbedded(config.dataDir, file);
      console.log(
        `Резервная копия ${config.dataDir} записана в ${file}${how === 'server' ? ' (снята работающим сервером)' : ''} / ` +
          `Backup of ${config.dataDir} written to ${file}${how === 'server' ? ' (taken by the running server)' : ''}`,
      );
    });
  db.command('restore <file>')
    .description(
      'Восстановить базу из резервной копии; непустая база заменяется только с --replace (встроенная — при остановленном сервере)',
    )
    .option('--replace', 'заменить существующие данные')
    .action(async (file: string, opts: { replace?: boolean }) => {
      if (config.databaseUrl) await restorePostgres(config.databaseUrl, file, !!opts.replace);
      else await restoreEmbedded(config.dataDir, file, !!opts.replace);
      console.log(`База восстановлена из ${file} / Database restored from ${file}`);
    });
  const users = program.command('users').description('Учётные записи');
  users
    .command('add')
    .description('Создать учётную запись')
    .requiredOption('--email <email>', 'адрес электронной почты (логин)')
    .requiredOption('--name <name>', 'имя для журнала изменений')
    .requiredOption('--role <role>', 'administrator | regional_editor | analyst')
    .option(
      '--regions <codes>',
      'коды регионов через запятую (для regional_editor), например 42,68',
      '',
    )
    .option(
      '--password <password>',
      'пароль (не короче 12 символов); без него будет создан случайный',
    )
    .action(
      async (opts: {
        email: string;
        name: string;
        role: string;
        regions: string;
        password?: string;
      }) =>
        withDatabase(config, async (c) => {
          await prepareDatabase(c, { demo: false });
          const password = opts.password ?? randomBytes(12).toString('base64url');
          const parsed = UserCreateSchema.safeParse({
            email: opts.email,
            displayName: opts.name,
            role: opts.role,
            regions: opts.regions ? opts.regions.split(',').map((r) => r.trim()) : [],
            password,
            // A generated password is shown on this terminal: its owner must replace it.
            mustChangePassword: !opts.password,
          });
          if (!parsed.success)
            throw new Error(
              parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
            );
          const user = await createUser(c.db, parsed.data);
          console.log(
            `Создан пользователь ${user.email} (${user.role}${user.regions.length ? `, регионы ${user.regions.join(', ')}` : ''})`,
          );
          if (!opts.password) console.log(`Пароль: ${password}`);
        }),
    );
  users
    .command('list')
    .description('Список учётных записей')
    .action(async () =>
      withDatabase(config, async (c) => {
        await prepareDatabase(c, { demo: false });
        for (const u of await listUsers(c.db))
          console.log(
            `${u.id}\t${u.email}\t${u.role}\t${u.regions.join(',')}${u.disabled ? '\tзаблокирован' : ''}`,
          );
      }),
    );
  const imp = program.command('import').description('Импорт справочников и данных');
  imp
    .command('okved <file>')
    .description('Импорт классификатора ОКВЭД2 из CSV (колонки group,code,name)')
    .action(async (file: string) =>
      withDatabase(config, async (c) => {
        if (!fs.existsSync(file)) throw new Error(`Файл не найден: ${file}`);
        await prepareDatabase(c, { demo: false });
        const result = await importOkvedFile(c.db, fs.readFileSync(file));
        console.log(
          `ОКВЭД2: ${result.total} кодов (разделов ${result.sections}, новых или обновлённых ${result.upserted})`,
        );
      }),
    );
  registerDatasetImportCommand(imp, (fn) =>
    withDatabase(config, async (c) => {
      await prepareDatabase(c, { demo: false });
      return fn(c);
    }),
  );
  registerClassifierImportCommands(imp, (fn) =>
    withDatabase(config, async (c) => {
      await prepareDatabase(c, { demo: false });
      return fn(c);
    }),
  );
  registerRegistryImportCommand(imp, (fn) =>
    withDatabase(config, async (c) => {
      await prepareDatabase(c, { demo: false });
      return fn(c);
    }),
  );
  registerClustersCommand(program);
  registerRatingsCommands(program, (fn) =>
    withDatabase(config, async (c) => {
      await prepareDatabase(c, { demo: false });
      return fn(c);
    }),
  );
  (await import('./intake-commands.ts')).registerIntakeCommands(program);
  try {
    await program.parseAsync(argv);
  } catch (error) {
    // A use case's own error carries both languages; anything else is reported as it is.
    if (error instanceof DomainError)
      console.error(`Ошибка: ${error.messageRu}\nError: ${error.messageEn}`);
    else console.error(`Ошибка: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
