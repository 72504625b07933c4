import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import type { ClusterCheckResult } from '@promatlas/core/compliance/cluster-check.schema.ts';
import { DEFAULT_CLUSTER_RULE_SET } from '@promatlas/core/compliance/default-cluster-rule-set.ts';
import { metCluster } from '@promatlas/core/compliance/test-fixtures.ts';
import { cliEntry } from './cli-process.ts';

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const BIN = cliEntry();
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promatlas-cluster-check-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in a temporary directory; the check needs no database. */
async function promatlas(args: string[]) {
  try {
    const { stdout, stderr } = await run('node', [BIN, ...args], {
      cwd: dir,
      env: { ...process.env, PROMATLAS_DATA_DIR: path.join(dir, 'data') },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function write(name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

const verdict = (stdout: string) => JSON.parse(stdout) as ClusterCheckResult;

// Each case spawns the CLI (tsx start-up): slow on a loaded machine.
describe('promatlas clusters check', { timeout: 120_000 }, () => {
  it('prints the documented verdict of the documented example cluster', async () => {
    const result = await promatlas([
      'clusters',
      'check',
      path.join(ROOT, 'docs/examples/cluster-check.json'),
    ]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const expected: unknown = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'docs/examples/cluster-check.verdict.json'), 'utf8'),
    );
    expect(verdict(result.stdout)).toEqual(expected);
    expect(verdict(result.stdout).compliant).toBe(true);
  });

  it('says what is missing for ЛИПЕЦКМАШ from the seed facts alone, as documented', async () => {
    const result = await promatlas([
      'clusters',
      'check',
      path.join(ROOT, 'docs/examples/lipetskmash-seed.json'),
    ]);
    expect(result.code).toBe(0);
    const expected: unknown = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'docs/examples/lipetskmash-seed.verdict.json'), 'utf8'),
    );
    expect(verdict(result.stdout)).toEqual(expected);
    expect(verdict(result.stdout).requirements.map((r) => r.verdict)).toEqual(
      Array(5).fill('insufficient_data'),
    );
  });

  it('exits 0 with compliant false and the failing requirement for a cluster that fails', async () => {
    const input = metCluster();
    input.participants = input.participants.filter((p) => p.id !== 's1');
    input.contracts = input.contracts.filter((c) => !c.parties.includes('s1'));
    const result = await promatlas(['clusters', 'check', write('not-met.json', input)]);
    expect(result.code).toBe(0);
    const out = verdict(result.stdout);
    expect(out.compliant).toBe(false);
    expect(out.requirements.find((r) => r.code === 'specialised_organisation')).toEqual({
      code: 'specialised_organisation',
      verdict: 'not_met',
      value: 0,
      threshold: 1,
      participants: [],
      deadline: null,
    });
  });

  it('exits 0 with compliant null for a cluster whose purchases are missing', async () => {
    const input = { ...metCluster(), purchases: [] };
    const result = await promatlas(['clusters', 'check', write('insufficient.json', input)]);
    expect(result.code).toBe(0);
    const out = verdict(result.stdout);
    expect(out).toMatchObject({ compliant: null, functionalDependence: null });
    expect(out.requirements[1]).toMatchObject({
      code: 'functional_dependence',
      verdict: 'insufficient_data',
      participants: ['e1', 'e2'],
    });
  });

  it('exits 2 on bad input and lists every problem with its field on stderr, printing no verdict', async () => {
    const input = metCluster();
    input.contracts[0]!.parties = ['e1'];
    input.purchases[0]!.fromParticipantsRub = 200_000_000;
    const file = write('bad.json', input);
    const result = await promatlas(['clusters', 'check', file]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('Input rejected (2)');
    expect(result.stderr).toContain(
      `${file}: contracts[0].parties: У договора должно быть не меньше двух разных сторон-участников (A contract needs at least two different participating parties)`,
    );
    expect(result.stderr).toContain(`${file}: purchases[0].fromParticipantsRub:`);
  });

  it('exits 2 on a file that is not JSON and on a missing file', async () => {
    const notJson = await promatlas(['clusters', 'check', write('broken.json', '{"asOf": ')]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('The file is not JSON');
    const missing = await promatlas(['clusters', 'check', path.join(dir, 'absent.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('File not found or not readable');
  });

  it('exits 2 on a usage error: no cluster file named, or an unknown option', async () => {
    const noFile = await promatlas(['clusters', 'check']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('cluster.json');
    const unknown = await promatlas(['clusters', 'check', write('x.json', '{}'), '--verbose']);
    expect(unknown.code).toBe(2);
  });

  it('applies a rule set given with --rules, and rejects a bad one with exit 2', async () => {
    const input = metCluster();
    input.purchases = input.purchases.map((p) => ({ ...p, fromParticipantsRub: 15_000_000 }));
    const cluster = write('fifteen.json', input);
    const byDefault = await promatlas(['clusters', 'check', cluster]);
    expect(verdict(byDefault.stdout)).toMatchObject({
      compliant: false,
      functionalDependenceThreshold: 0.2,
    });
    const lenient = {
      ...DEFAULT_CLUSTER_RULE_SET,
      version: 'local-1',
      functionalDependence: { ...DEFAULT_CLUSTER_RULE_SET.functionalDependence, threshold: 0.15 },
    };
    const withRules = await promatlas([
      'clusters',
      'check',
      cluster,
      '--rules',
      write('rules.json', lenient),
    ]);
    expect(withRules.code).toBe(0);
    expect(verdict(withRules.stdout)).toMatchObject({
      compliant: true,
      functionalDependence: 0.15,
      functionalDependenceThreshold: 0.15,
    });
    const bad = { ...lenient, decision: { validityYears: 0 } };
    const badRules = await promatlas([
      'clusters',
      'check',
      cluster,
      '--rules',
      write('bad-rules.json', bad),
    ]);
    expect(badRules.code).toBe(2);
    expect(badRules.stderr).toContain('bad-rules.json: decision.validityYears:');
  });

  it('writes the verdict to the --out file and nothing to stdout', async () => {
    const out = path.join(dir, 'verdict.json');
    const result = await promatlas([
      'clusters',
      'check',
      write('met.json', metCluster()),
      '--out',
      out,
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe('');
    expect(verdict(fs.readFileSync(out, 'utf8'))).toMatchObject({
      compliant: true,
      functionalDependence: 0.25,
    });
  });

  it('writes no --out file at all on bad input', async () => {
    const input = metCluster();
    input.participants[0]!.joined = '2030-01-01';
    const out = path.join(dir, 'never.json');
    const result = await promatlas([
      'clusters',
      'check',
      write('future.json', input),
      '--out',
      out,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('participants[0].joined');
    expect(fs.existsSync(out)).toBe(false);
  });
});
