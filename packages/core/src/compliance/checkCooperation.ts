import { addYears } from './addYears.ts';
import type { ClusterCheckInput } from './cluster-check.schema.ts';
import type { ClusterRuleSet } from './cluster-rule-set.schema.ts';

export interface CooperationResult {
  readonly code: 'cooperation';
  readonly verdict: 'met' | 'not_met' | 'insufficient_data';
  /** How many participants have no eligible contract with another participant. */
  readonly value: number;
  /** How many may have none (rules.cooperation.maxParticipantsWithoutContract). */
  readonly threshold: number;
  /** The participants without an eligible contract, in input order. */
  readonly participants: readonly string[];
  /** The earliest date by which one of them, still in its grace period, must sign one; null if none is. */
  readonly deadline: string | null;
}

/**
 * ПП РФ № 779: every participant has at least one cooperation contract of an
 * eligible type with another participant; at most `maxParticipantsWithoutContract`
 * may have none, and only if they joined less than `gracePeriodYears` before
 * `asOf` — a participant that joined exactly that many years before is late.
 * Its deadline is the joining date plus the grace period.
 *
 * A contract counts for every participant among its parties when it is of an
 * eligible type, signed on or before `asOf`, and has at least two different
 * participants among its parties.
 *
 * Verdict: not_met when more participants than allowed lack a contract or any
 * of them is past its deadline; insufficient_data when the count is allowed but
 * the joining date of one of them is unknown; met otherwise.
 */
export function checkCooperation(
  input: ClusterCheckInput,
  rules: ClusterRuleSet,
): CooperationResult {
  const { eligibleContractTypes, maxParticipantsWithoutContract, gracePeriodYears } =
    rules.cooperation;
  const eligible = new Set<string>(eligibleContractTypes);
  const known = new Set(input.participants.map((p) => p.id));
  const linked = new Set<string>();
  for (const contract of input.contracts) {
    if (!eligible.has(contract.type) || contract.signed > input.asOf) continue;
    const parties = new Set(contract.parties.filter((id) => known.has(id)));
    if (parties.size < 2) continue;
    for (const id of parties) linked.add(id);
  }
  const without = input.participants.filter((p) => !linked.has(p.id));
  let late = false;
  let unknownJoin = false;
  let deadline: string | null = null;
  for (const p of without) {
    if (p.joined === undefined) {
      unknownJoin = true;
      continue;
    }
    const due = addYears(p.joined, gracePeriodYears);
    if (due <= input.asOf) late = true;
    else if (deadline === null || due < deadline) deadline = due;
  }
  const verdict =
    without.length > maxParticipantsWithoutContract || late
      ? 'not_met'
      : unknownJoin
        ? 'insufficient_data'
        : 'met';
  return {
    code: 'cooperation',
    verdict,
    value: without.length,
    threshold: maxParticipantsWithoutContract,
    participants: without.map((p) => p.id),
    deadline,
  };
}
