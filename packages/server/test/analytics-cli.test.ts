import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedFile } from './shared-data.ts';
import { cliEntry, preparedDataDir } from './cli-process.ts';

const run = promisify(execFile);
const BIN = cliEntry();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-cli-'));
// Already migrated: the commands' own work is what is tested here, not the first start.
preparedDataDir(path.join(dir, 'data'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The CLI runs on embedded PGlite in a temporary directory, whatever the test environment names. */
function withoutDatabaseUrl(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...rest } = env;
  return rest;
}

async function promatlas(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], {
      cwd: dir,
      env: {
        ...withoutDatabaseUrl(process.env),
        PROMATLAS_DATA_DIR: path.join(dir, 'data'),
        ...env,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// Each case spawns the CLI (tsx start-up, embedded database migration): slow on a loaded machine.
describe('promatlas clusters map', { timeout: 180_000 }, () => {
  it('writes LQ, strong flags, stars and the summary for the EconGeo matrix', async () => {
    const rows = [
      [100, 0, 0, 0, 0],
      [0, 15, 5, 70, 10],
      [0, 20, 10, 20, 50],
      [0, 25, 30, 5, 40],
      [0, 40, 55, 5, 0],
    ];
    const lines = ['region,industry,employment'];
    rows.forEach((row, r) => row.forEach((e, i) => lines.push(`R${r + 1},I${i + 1},${e}`)));
    fs.writeFileSync(path.join(dir, 'in.csv'), lines.join('\n') + '\n');
    const result = await promatlas([
      'clusters',
      'map',
      '--input',
      'in.csv',
      '--out',
      'out.csv',
      '--summary',
      'summary.csv',
    ]);
    expect(result.code).toBe(0);
    const out = fs.readFileSync(path.join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(out[0]).toBe('region,industry,employment,lq,strong,stars');
    expect(out).toHaveLength(26);
    const lq = Object.fromEntries(
      out
        .slice(1)
        .map((line) => line.split(','))
        .map((f) => [`${f[0]}×${f[1]}`, Number(f[3])]),
    );
    expect([lq['R1×I1'], lq['R2×I4'], lq['R3×I5'], lq['R5×I3'], lq['R4×I4']]).toEqual([
      5, 3.5, 2.5, 2.75, 0.25,
    ]);
    // R2 × I4: LQ 3.5 ≥ Q75 1.625 and 70 > Q25 5 → strong; size, specialisation and focus stars.
    expect(out).toContain('R2,I4,70,3.5,1,3');
    const summary = fs.readFileSync(path.join(dir, 'summary.csv'), 'utf8').trim().split('\n');
    expect(summary[0]).toBe('region,traded_employment,strong_employment,cluster_strength');
    expect(summary).toHaveLength(6);
  });

  it('prints zero-total warnings and fails with line and field on a bad file', async () => {
    fs.writeFileSync(path.join(dir, 'zero.csv'), 'region,industry,employment\nR1,I1,0\nR2,I1,5\n');
    const warned = await promatlas([
      'clusters',
      'map',
      '--input',
      'zero.csv',
      '--out',
      'zero-out.csv',
    ]);
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/Предупреждение: у региона «R1» нулевая занятость/);
    fs.writeFileSync(path.join(dir, 'bad.csv'), 'region,industry,employment\nR1,I1,много\n');
    const failed = await promatlas([
      'clusters',
      'map',
      '--input',
      'bad.csv',
      '--out',
      'bad-out.csv',
    ]);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/строка 2 \(line 2\), поле «employment»/);
  });
});

describe('promatlas import dataset', { timeout: 180_000 }, () => {
  const file = () => sharedFile('data/rosstat-org-counts-by-region-okved-2017-2022.csv');
  let first: Awaited<ReturnType<typeof promatlas>>;

  it('imports the Rosstat file into the embedded database, printing matched and quarantined counts', async () => {
    first = await promatlas([
      'import',
      'dataset',
      file(),
      '--name',
      'Росстат: организации',
      '--format',
      'rosstat',
    ]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/Набор «Росстат: организации» \(id \d+\):/);
    expect(first.stdout).toMatch(/регионов: 83; отраслей: \d+; годы: 2019, 2020, 2021, 2022/);
    expect(first.stdout).toMatch(/region_includes_parts: 78/);
  });

  it('re-imports the same file into the dataset of the same name without changing anything', async () => {
    const again = await promatlas([
      'import',
      'dataset',
      file(),
      '--name',
      'Росстат: организации',
      '--format',
      'rosstat',
    ]);
    expect(again.stdout).toMatch(/повторный импорт/);
    const values = (text: string) => text.match(/значений: (\d+)/)![1];
    expect(values(again.stdout)).toBe(values(first.stdout));
  });

  it('imports a long CSV with column flags, reporting unknown regions, and refuses one without them', async () => {
    fs.writeFileSync(
      path.join(dir, 'long.csv'),
      'Регион;Код;Числ\nЛипецкая область;24;100\nНарния;24;1\n',
    );
    const long = await promatlas([
      'import',
      'dataset',
      'long.csv',
      '--name',
      'Длинная',
      '--region-column',
      'Регион',
      '--industry-column',
      'Код',
      '--value-column',
      'Числ',
      '--year',
      '2022',
    ]);
    expect(long.code).toBe(0);
    expect(long.stdout).toMatch(/сопоставлено строк: 1; значений: 1/);
    expect(long.stdout).toMatch(/строка 3, поле «регион»: «Нарния» не найден среди субъектов РФ/);
    const missing = await promatlas(['import', 'dataset', 'long.csv', '--name', 'Без столбцов']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(
      /укажите --region-column, --industry-column, --value-column, --year-column или --year/,
    );
  });
});
