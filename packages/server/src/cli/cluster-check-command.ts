import fs from 'node:fs';
import type { Command } from 'commander';
import { checkCluster } from '@promatlas/core/compliance/checkCluster.ts';
import type { ClusterCheckResult } from '@promatlas/core/compliance/cluster-check.schema.ts';
import type { ClusterRuleSet } from '@promatlas/core/compliance/cluster-rule-set.schema.ts';
import { DEFAULT_CLUSTER_RULE_SET } from '@promatlas/core/compliance/default-cluster-rule-set.ts';
import type { InputProblem } from '@promatlas/core/compliance/input-problem.ts';
import { validateClusterCheckInput } from '@promatlas/core/compliance/validateClusterCheckInput.ts';
import { validateClusterRuleSet } from '@promatlas/core/compliance/validateClusterRuleSet.ts';

/** A problem of one of the command's files: the file, then the field inside it. */
export interface FileProblem extends InputProblem {
  readonly file: string;
}

export type ClusterCheckRun =
  | { readonly ok: true; readonly result: ClusterCheckResult }
  | { readonly ok: false; readonly problems: readonly FileProblem[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Reads a UTF-8 JSON file (a leading BOM is allowed), or says why it cannot. */
function readJson(
  file: string,
): { ok: true; value: unknown } | { ok: false; problem: FileProblem } {
  const fail = (code: string, message: string, messageEn: string) => ({
    ok: false as const,
    problem: { file, field: '', code, message, messageEn },
  });
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return fail(
      'file_not_readable',
      'Файл не найден или не читается',
      'File not found or not readable',
    );
  }
  let text: string;
  try {
    text = utf8.decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return fail('not_utf8', 'Файл не в кодировке UTF-8', 'The file is not UTF-8');
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail('invalid_json', `Файл — не JSON: ${detail}`, `The file is not JSON: ${detail}`);
  }
}

/**
 * The cluster check of a file, with the shipped default rule set unless a rule
 * file is given (the same format the application stores). Every problem of
 * both files is collected; nothing is checked unless both are sound.
 */
export function runClusterCheck(clusterFile: string, rulesFile?: string): ClusterCheckRun {
  const problems: FileProblem[] = [];
  let rules: ClusterRuleSet = DEFAULT_CLUSTER_RULE_SET;
  if (rulesFile !== undefined) {
    const read = readJson(rulesFile);
    if (!read.ok) problems.push(read.problem);
    else {
      const validated = validateClusterRuleSet(read.value);
      if (validated.ok) rules = validated.value;
      else problems.push(...validated.problems.map((p) => ({ ...p, file: rulesFile })));
    }
  }
  const read = readJson(clusterFile);
  if (!read.ok) return { ok: false, problems: [...problems, read.problem] };
  const validated = validateClusterCheckInput(read.value);
  if (!validated.ok) problems.push(...validated.problems.map((p) => ({ ...p, file: clusterFile })));
  if (problems.length || !validated.ok) return { ok: false, problems };
  return { ok: true, result: checkCluster(validated.value, rules) };
}

/**
 * `promatlas clusters check <cluster.json> [--rules <rules.json>] [--out <verdict.json>]`:
 * the ПП РФ № 779 check of a cluster file. The verdict (JSON) goes to stdout or
 * the --out file; exit code 0 whatever the verdict, 2 on bad input with every
 * problem listed on stderr as `file: field: Russian message (English message)`.
 */
export function registerClusterCheckCommand(clusters: Command): void {
  clusters
    .command('check <cluster.json>')
    .description(
      'Проверка кластера на соответствие требованиям ПП РФ № 779: вердикт по каждому требованию (JSON)',
    )
    .option('--rules <rules.json>', 'набор правил (по умолчанию — поставляемый ПП 779)')
    .option('--out <verdict.json>', 'записать вердикт в файл вместо стандартного вывода')
    // A usage error (missing file argument, unknown option) is bad input too: exit 2, as for
    // a bad file; help still exits 0.
    .exitOverride((error) => process.exit(error.exitCode === 0 ? 0 : 2))
    .action((clusterFile: string, opts: { rules?: string; out?: string }) => {
      const run = runClusterCheck(clusterFile, opts.rules);
      if (!run.ok) {
        console.error(
          `Входные данные не приняты (${run.problems.length}) / Input rejected (${run.problems.length}):`,
        );
        for (const p of run.problems)
          console.error(`${p.file}: ${p.field || '(документ)'}: ${p.message} (${p.messageEn})`);
        process.exitCode = 2;
        return;
      }
      const json = `${JSON.stringify(run.result, null, 2)}\n`;
      if (opts.out) fs.writeFileSync(opts.out, json);
      else process.stdout.write(json);
    });
}
