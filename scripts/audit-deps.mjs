#!/usr/bin/env node
// Lists the production dependencies with known security advisories
// (`npm run audit:deps`). Runs `npm audit --omit=dev --json` against the
// configured registry's advisory database and prints one line per affected
// package. When the advisory database cannot be reached (offline, a mirror
// without the audit endpoint), it says so plainly instead of reporting
// "no advisories".
//
// Exit codes: 0 no known advisories; 1 advisories found; 2 usage error;
//             3 advisory database unreachable (nothing was checked).
//
// Options: --registry <url>  registry whose advisory database to ask
//          --input <file>    read a recorded `npm audit --json` report instead
//          --json            print the summary as JSON
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const EXIT = { clean: 0, advisories: 1, usage: 2, unreachable: 3 };

const SEVERITY_ORDER = ['critical', 'high', 'moderate', 'low', 'info'];

/**
 * Reads an `npm audit --json` report (format 2, npm 7+). Returns the affected
 * packages, or `unreachable` with the reason when the report is an error
 * (npm writes the registry's answer there: 404/405 for a mirror without the
 * endpoint, ENOTFOUND/ECONNREFUSED offline).
 */
export function summariseAuditReport(report) {
  if (!report || typeof report !== 'object') {
    return { status: 'unreachable', reason: 'npm audit printed no report', packages: [] };
  }
  if (report.error || report.message || report.statusCode) {
    const reason =
      report.message ??
      [report.error?.code, report.error?.summary, report.error?.detail].filter(Boolean).join(': ');
    return { status: 'unreachable', reason: reason || 'npm audit failed', packages: [] };
  }
  if (!report.vulnerabilities || typeof report.vulnerabilities !== 'object') {
    return {
      status: 'unreachable',
      reason: 'the report has no list of vulnerabilities (unknown format)',
      packages: [],
    };
  }
  const packages = Object.values(report.vulnerabilities)
    .map((v) => ({
      name: v.name,
      severity: v.severity,
      direct: Boolean(v.isDirect),
      range: v.range,
      // `via` holds advisories (objects) and the names of vulnerable packages this one pulls in (strings).
      advisories: (v.via ?? [])
        .filter((x) => x && typeof x === 'object')
        .map((x) => ({ title: x.title, url: x.url, severity: x.severity, range: x.range })),
      through: (v.via ?? []).filter((x) => typeof x === 'string'),
      fixAvailable: v.fixAvailable,
    }))
    .sort(
      (a, b) =>
        SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
        a.name.localeCompare(b.name),
    );
  return {
    status: packages.length ? 'advisories' : 'clean',
    packages,
    dependencies: report.metadata?.dependencies?.prod ?? null,
  };
}

function fixText(fix) {
  if (fix === true) return 'fix: npm audit fix';
  if (fix && typeof fix === 'object')
    return `fix: ${fix.name}@${fix.version}${fix.isSemVerMajor ? ' (major upgrade)' : ''}`;
  return 'no fix available';
}

export function formatSummary(summary) {
  if (summary.status === 'unreachable') {
    return [
      'Advisory database unreachable: no dependency was checked.',
      `Reason: ${summary.reason}`,
    ].join('\n');
  }
  if (summary.status === 'clean') {
    return `No known advisories in the production dependencies${summary.dependencies === null ? '' : ` (${summary.dependencies} packages checked)`}.`;
  }
  const lines = [`${summary.packages.length} production package(s) with known advisories:`];
  for (const p of summary.packages) {
    lines.push(
      `- ${p.name} (${p.severity}, ${p.direct ? 'direct dependency' : 'indirect'}; ${fixText(p.fixAvailable)})`,
    );
    for (const a of p.advisories) lines.push(`    ${a.title} — ${a.url}`);
    if (p.through.length) lines.push(`    through: ${p.through.join(', ')}`);
  }
  return lines.join('\n');
}

function parseArgs(argv) {
  const args = { registry: undefined, input: undefined, json: false };
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a === '--json') args.json = true;
    else if (a === '--registry' || a === '--input') {
      const value = argv[++k];
      if (!value) throw new Error(`${a} needs a value`);
      args[a.slice(2)] = value;
    } else throw new Error(`unknown option ${a}`);
  }
  return args;
}

function runNpmAudit(registry) {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(
    npm,
    [
      'audit',
      '--omit=dev',
      '--json',
      '--fetch-retries=0',
      '--fetch-timeout=30000',
      ...(registry ? ['--registry', registry] : []),
    ],
    { cwd: root, encoding: 'utf8', timeout: 120_000, maxBuffer: 64 * 1024 * 1024 },
  );
  if (res.error) return { error: { code: res.error.code, summary: res.error.message } };
  try {
    return JSON.parse(res.stdout);
  } catch {
    const reason = (res.stderr || res.stdout || '').trim().split('\n').slice(-3).join(' ');
    return { error: { summary: reason || `npm audit exited with code ${res.status}` } };
  }
}

function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`audit-deps: ${e.message}`);
    console.error(
      'usage: node scripts/audit-deps.mjs [--registry <url>] [--input <file>] [--json]',
    );
    process.exit(EXIT.usage);
  }
  const report = args.input
    ? JSON.parse(fs.readFileSync(args.input, 'utf8'))
    : runNpmAudit(args.registry);
  const summary = summariseAuditReport(report);
  console.log(args.json ? JSON.stringify(summary, null, 2) : formatSummary(summary));
  process.exit(EXIT[summary.status]);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
