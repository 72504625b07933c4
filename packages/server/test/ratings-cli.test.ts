import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import {
  handWorkedMethodology,
  handWorkedValues,
} from '@promatlas/core/ratings/handWorkedExample.fixture.ts';
import { cliEntry, preparedDataDir } from './cli-process.ts';

/** `promatlas ratings …` end to end: the real command in a child process, on temporary files. */
const run = promisify(execFile);
const BIN = cliEntry();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-ratings-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string) => path.join(dir, name);
// Already migrated: the commands' own work is what is tested here, not the first start.
preparedDataDir(file('data'));

async function promatlas(args: string[]) {
  // Embedded PGlite in the temporary directory, whatever the caller's environment says.
  const { DATABASE_URL: _ignored, ...env } = process.env;
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], {
      cwd: dir,
      env: { ...env, PROMATLAS_DATA_DIR: file('data'), PROMATLAS_LOG_LEVEL: 'silent' },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('promatlas ratings', () => {
  it('compute writes the hand-worked edition: places o3, o4, o5, o1, o2 with the fixture’s scores', async () => {
    fs.writeFileSync(file('methodology.json'), JSON.stringify(handWorkedMethodology, null, 2));
    fs.writeFileSync(
      file('values.csv'),
      [
        'object,indicator,value',
        ...handWorkedValues.map((v) => `${v.objectId},${v.indicator},${v.value}`),
      ].join('\n') + '\n',
    );
    const r = await promatlas([
      'ratings',
      'compute',
      '--methodology',
      file('methodology.json'),
      '--values',
      file('values.csv'),
      '--out',
      file('out.csv'),
    ]);
    expect(r.code, r.stderr).toBe(0);
    expect(fs.readFileSync(file('out.csv'), 'utf8').trim().split('\n')).toEqual([
      'object,peer_group,score,place,disqualified,score_a,score_b',
      'o3,,0.567500,1,false,0.737500,0.312500',
      'o4,,0.500000,2,false,0.500000,0.500000',
      'o5,,0.487500,3,false,0.312500,0.750000',
      'o1,,0.460000,4,false,0.350000,0.625000',
      'o2,,0.357500,5,false,0.387500,0.312500',
    ]);
  });

  it('compute prints every input problem with its line and field and exits with 1', async () => {
    fs.writeFileSync(file('bad.csv'), 'object,indicator,value\no1,zz,1\no2,a1,много\n');
    const r = await promatlas([
      'ratings',
      'compute',
      '--methodology',
      file('methodology.json'),
      '--values',
      file('bad.csv'),
      '--out',
      file('bad-out.csv'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Строка 2 (line 2), поле «indicator»');
    expect(r.stderr).toContain('Строка 3 (line 3), поле «value»');
    expect(fs.existsSync(file('bad-out.csv'))).toBe(false);
  });

  it('import-values reports an unknown object with its line and writes nothing (exit code 1)', async () => {
    fs.writeFileSync(
      file('import.csv'),
      'object,indicator,value,year,source\nНет такой ОЭЗ,jobs_created,10,2024,тест\n',
    );
    const r = await promatlas(['ratings', 'import-values', file('import.csv'), '--year', '2024']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ничего не записано');
    expect(r.stderr).toMatch(
      /строка 2, поле «object» \(«Нет такой ОЭЗ»\): Площадка «Нет такой ОЭЗ» не найден/,
    );
  }, 120_000);
});
