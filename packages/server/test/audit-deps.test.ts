import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain ES module script without type declarations
import { EXIT, formatSummary, summariseAuditReport } from '../../../scripts/audit-deps.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const script = path.join(here, '../../../scripts/audit-deps.mjs');
const fixture = (name: string) => path.join(here, 'fixtures', name);
const readFixture = (name: string): unknown => JSON.parse(fs.readFileSync(fixture(name), 'utf8'));

function run(...args: string[]) {
  const res = spawnSync(process.execPath, [script, ...args], {
    encoding: 'utf8',
    timeout: 150_000,
  });
  return { code: res.status, out: res.stdout + res.stderr };
}

interface Summary {
  status: string;
  reason?: string;
  packages: {
    name: string;
    severity: string;
    direct: boolean;
    through: string[];
    advisories: { url: string }[];
  }[];
}

describe('npm run audit:deps', () => {
  it('lists every affected production package with its advisories, most severe first', () => {
    const summary = summariseAuditReport(readFixture('npm-audit-report.json')) as Summary;
    expect(summary.status).toBe('advisories');
    expect(summary.packages.map((p) => p.name)).toEqual(['brace-expansion', 'exceljs', 'tmp']);
    const tmp = summary.packages.find((p) => p.name === 'tmp')!;
    expect(tmp.advisories.map((a) => a.url)).toEqual([
      'https://github.com/advisories/GHSA-52f5-9888-hmc6',
    ]);
    const exceljs = summary.packages.find((p) => p.name === 'exceljs')!;
    expect(exceljs).toMatchObject({ direct: true, through: ['tmp'] });
    const text = formatSummary(summary) as string;
    expect(text).toMatch(/^3 production package\(s\) with known advisories/);
    expect(text).toContain('- exceljs (low, direct dependency; no fix available)');
  });

  it('exits 1 on a report with advisories and 0 on a clean one', () => {
    const found = run('--input', fixture('npm-audit-report.json'));
    expect(found.code).toBe(EXIT.advisories);
    expect(found.out).toContain('GHSA-52f5-9888-hmc6');
    const clean = run('--input', fixture('npm-audit-clean.json'));
    expect(clean.code).toBe(EXIT.clean);
    expect(clean.out).toContain(
      'No known advisories in the production dependencies (180 packages checked)',
    );
  });

  it('says plainly that nothing was checked when the registry has no advisory endpoint', () => {
    const res = run('--input', fixture('npm-audit-endpoint-missing.json'));
    expect(res.code).toBe(EXIT.unreachable);
    expect(res.out).toMatch(/^Advisory database unreachable: no dependency was checked\./);
    expect(res.out).toContain('405 Method Not Allowed');
  });

  it('exits 3, not 0, when the advisory database cannot be reached at all', () => {
    // Port 9 (discard) on the loopback refuses connections at once.
    const res = run('--registry', 'http://127.0.0.1:9/');
    expect(res.code).toBe(EXIT.unreachable);
    expect(res.out).toMatch(/Advisory database unreachable/);
    expect(res.out).not.toMatch(/No known advisories/);
  }, 150_000);

  it('refuses unknown options with exit code 2', () => {
    expect(run('--bogus').code).toBe(EXIT.usage);
  });
});
