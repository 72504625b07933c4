import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { INTAKE_CONTRACT_KEYS, type IntakeContract } from '@promatlas/core/intake/index.ts';
import { cliEntry } from './cli-process.ts';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = cliEntry();
const SEEDS = path.join(ROOT, 'packages/server/src/demo/sources');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-intake-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ARRAYS = [
  'organisations',
  'people',
  'places',
  'dates',
  'money',
  'counts',
  'percents',
  'events',
  'agreements',
] as const;

async function promatlas(args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], {
      cwd: dir,
      maxBuffer: 64 * 2 ** 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function expectOffsetsMatch(result: IntakeContract, text: string) {
  for (const key of ARRAYS) {
    expect(Array.isArray(result[key])).toBe(true);
    for (const item of result[key]) expect(text.slice(item.start, item.end)).toBe(item.text);
  }
}

// Each case spawns the CLI through tsx: slow on a loaded machine.
describe('promatlas intake extract', { timeout: 120_000 }, () => {
  it('prints the nine arrays for a file, with offsets that slice the input to each text', async () => {
    const file = path.join(SEEDS, '001_73c7b348e58883e6.txt');
    const text = fs.readFileSync(file, 'utf8');
    const result = await promatlas(['intake', 'extract', file]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as IntakeContract;
    expect(Object.keys(json).sort()).toEqual([...ARRAYS].sort());
    expectOffsetsMatch(json, text);
    expect(json.money).toContainEqual(
      expect.objectContaining({
        amountRub: 600_000_000,
        amountRubMax: null,
        qualifier: 'more_than',
      }),
    );
    expect(json.people.map((p) => p.fullName)).toContain('Шпиленко Андрей Викторович');
  });

  it('gives exactly the contract keys on every item, iso as a day, month or year by precision', async () => {
    const file = path.join(dir, 'contract.txt');
    fs.writeFileSync(
      file,
      [
        fs.readFileSync(path.join(SEEDS, '001_73c7b348e58883e6.txt'), 'utf8'),
        fs.readFileSync(path.join(SEEDS, '003_fbfea715c7b481e1.txt'), 'utf8'),
        'Запуск запланирован весной 2024 года, во II квартале 2025 года и на 2020–2022 годы; молодёжь от 14 до 35 лет.',
      ].join('\n\n'),
    );
    const result = await promatlas(['intake', 'extract', file, '--published', '2024-03-14']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as IntakeContract;
    for (const key of ARRAYS) {
      expect(json[key].length, key).toBeGreaterThan(0);
      for (const item of json[key])
        expect(Object.keys(item), key).toEqual([...INTAKE_CONTRACT_KEYS[key]]);
    }
    for (const d of json.dates) expect(d.iso).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    const precisions = json.dates.map((d) => `${d.precision}:${d.iso}`);
    expect(precisions).toContain('season:2024-03');
    expect(precisions).toContain('quarter:2025-04');
    expect(precisions).toContain('range:2020');
    for (const e of [...json.events, ...json.agreements])
      if (e.date !== null) expect(e.date).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
  });

  it('writes the JSON to --out for a file and resolves weekdays against --published', async () => {
    const file = path.join(dir, 'thursday.txt');
    fs.writeFileSync(file, 'В четверг в Липецке открылся завод.');
    const out = path.join(dir, 'thursday.json');
    const result = await promatlas([
      'intake',
      'extract',
      file,
      '--published',
      '2024-03-15',
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    const json = JSON.parse(fs.readFileSync(out, 'utf8')) as IntakeContract;
    expect(json.dates).toEqual([
      { text: 'четверг', start: 2, end: 9, iso: '2024-03-14', precision: 'day' },
    ]);
    expect(json.places[0]).toMatchObject({ normalized: 'Липецк', level: 'city', regionCode: '42' });
  });

  it('writes <name>.json into an existing --out directory for a single file', async () => {
    const file = path.join(dir, 'single.txt');
    fs.writeFileSync(file, 'Смоленская область и РЖД.');
    const out = path.join(dir, 'single-out');
    fs.mkdirSync(out);
    const result = await promatlas(['intake', 'extract', file, '--out', out]);
    expect(result.code).toBe(0);
    const json = JSON.parse(
      fs.readFileSync(path.join(out, 'single.json'), 'utf8'),
    ) as IntakeContract;
    expect(json.places[0]).toMatchObject({ normalized: 'Смоленская область', regionCode: '66' });
    expect(json.organisations[0]).toMatchObject({ name: 'РЖД' });
  });

  it('writes <name>.json into the --out directory for every .txt of a directory', async () => {
    const input = path.join(dir, 'in');
    fs.mkdirSync(input);
    fs.copyFileSync(path.join(SEEDS, '002_d7c196e4e83e66a2.txt'), path.join(input, 'a.txt'));
    fs.copyFileSync(path.join(SEEDS, '004_da01281b82393137.txt'), path.join(input, 'b.txt'));
    fs.writeFileSync(path.join(input, 'skip.md'), 'не текст для разбора');
    const out = path.join(dir, 'out');
    const result = await promatlas(['intake', 'extract', input, '--out', out]);
    expect(result.code).toBe(0);
    expect(fs.readdirSync(out).sort()).toEqual(['a.json', 'b.json']);
    const a = JSON.parse(fs.readFileSync(path.join(out, 'a.json'), 'utf8')) as IntakeContract;
    expectOffsetsMatch(a, fs.readFileSync(path.join(input, 'a.txt'), 'utf8'));
    expect(a.organisations).toContainEqual(
      expect.objectContaining({ name: 'Энергия', legalForm: 'ОАО' }),
    );
  });

  it('gives nine empty arrays for an empty file', async () => {
    const file = path.join(dir, 'empty.txt');
    fs.writeFileSync(file, '');
    const result = await promatlas(['intake', 'extract', file]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(Object.fromEntries(ARRAYS.map((k) => [k, []])));
  });

  it('reads a Windows-1251 file', async () => {
    const file = path.join(dir, 'cp1251.txt');
    // 'Тамбовская область' in Windows-1251.
    const bytes = Buffer.from([
      0xd2, 0xe0, 0xec, 0xe1, 0xee, 0xe2, 0xf1, 0xea, 0xe0, 0xff, 0x20, 0xee, 0xe1, 0xeb, 0xe0,
      0xf1, 0xf2, 0xfc,
    ]);
    fs.writeFileSync(file, bytes);
    const result = await promatlas(['intake', 'extract', file]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as IntakeContract;
    expect(json.places).toEqual([
      {
        text: 'Тамбовская область',
        start: 0,
        end: 18,
        normalized: 'Тамбовская область',
        level: 'subject',
        regionCode: '68',
      },
    ]);
  });

  it('refuses a binary file with a clear error and exit code 2', async () => {
    const file = path.join(dir, 'image.txt');
    fs.writeFileSync(
      file,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]),
    );
    const result = await promatlas(['intake', 'extract', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('двоичный файл');
    expect(result.stderr).toContain('binary file');
  });

  it('refuses a missing file and a malformed --published date with exit code 2', async () => {
    const missing = await promatlas(['intake', 'extract', path.join(dir, 'nope.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('не найден');
    const file = path.join(dir, 'ok.txt');
    fs.writeFileSync(file, 'Текст.');
    const badDate = await promatlas(['intake', 'extract', file, '--published', '2024-02-30']);
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toContain('--published');
  });
});
