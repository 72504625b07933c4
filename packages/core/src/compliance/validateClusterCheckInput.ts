import { ClusterCheckInputSchema, type ClusterCheckInput } from './cluster-check.schema.ts';
import type { InputProblem, Validated } from './input-problem.ts';
import { NON_INDUSTRIAL_KINDS } from './participant-roles.ts';
import { zodProblems } from './zodProblems.ts';

/**
 * Validates a cluster-check document (already parsed from JSON) and lists every
 * problem with its field, in Russian and English. Structure first (types,
 * enumerations, ISO dates, non-negative numbers, no unknown fields); when the
 * structure is sound, the rules between fields:
 *
 * - participant and contract ids are unique;
 * - a contract names at least two different participants, all of them known;
 * - a participant is not an industrial enterprise or finished-product maker in a
 *   kind that excludes it (see NON_INDUSTRIAL_KINDS), and a finished-product
 *   maker is not marked as non-industrial;
 * - a purchase has a known buyer, one row per buyer and year, and the part from
 *   participants does not exceed the total;
 * - no date (joining, signing, decision) is after `asOf`, and no purchase year
 *   after the year of `asOf`.
 *
 * Nothing is half-accepted: on any problem the result carries no value.
 */
export function validateClusterCheckInput(document: unknown): Validated<ClusterCheckInput> {
  const parsed = ClusterCheckInputSchema.safeParse(document);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error) };
  const input = parsed.data;
  const problems: InputProblem[] = [];
  const add = (field: string, code: string, message: string, messageEn: string) =>
    problems.push({ field, code, message, messageEn });
  const asOf = input.asOf;

  const decision = input.cluster.decisionDate;
  if (decision != null && decision > asOf)
    add(
      'cluster.decisionDate',
      'after_as_of',
      `Дата заключения ${decision} позже даты проверки ${asOf}`,
      `The decision date ${decision} is after the check date ${asOf}`,
    );

  const participantIds = new Set<string>();
  input.participants.forEach((p, k) => {
    const at = `participants[${k}]`;
    if (participantIds.has(p.id))
      add(
        `${at}.id`,
        'duplicate_id',
        `Участник «${p.id}» указан дважды`,
        `Participant "${p.id}" is listed twice`,
      );
    participantIds.add(p.id);
    if (NON_INDUSTRIAL_KINDS.has(p.kind)) {
      for (const role of ['industrial', 'finalProductMaker'] as const)
        if (p[role] === true)
          add(
            `${at}.${role}`,
            'exclusive_roles',
            `Участник «${p.id}» вида «${p.kind}» не может быть ${role === 'industrial' ? 'промышленным предприятием' : 'производителем конечной продукции'}`,
            `Participant "${p.id}" of kind "${p.kind}" cannot be ${role === 'industrial' ? 'an industrial enterprise' : 'a finished-product maker'}`,
          );
    } else if (p.finalProductMaker === true && p.industrial === false)
      add(
        `${at}.industrial`,
        'exclusive_roles',
        `Участник «${p.id}» — производитель конечной продукции, но отмечен как непромышленный`,
        `Participant "${p.id}" is a finished-product maker but marked as not industrial`,
      );
    if (p.joined !== undefined && p.joined > asOf)
      add(
        `${at}.joined`,
        'after_as_of',
        `Дата вступления ${p.joined} позже даты проверки ${asOf}`,
        `The joining date ${p.joined} is after the check date ${asOf}`,
      );
  });

  const contractIds = new Set<string>();
  input.contracts.forEach((c, k) => {
    const at = `contracts[${k}]`;
    if (contractIds.has(c.id))
      add(
        `${at}.id`,
        'duplicate_id',
        `Договор «${c.id}» указан дважды`,
        `Contract "${c.id}" is listed twice`,
      );
    contractIds.add(c.id);
    if (new Set(c.parties).size < 2)
      add(
        `${at}.parties`,
        'single_party',
        'У договора должно быть не меньше двух разных сторон-участников',
        'A contract needs at least two different participating parties',
      );
    c.parties.forEach((id, j) => {
      if (!participantIds.has(id))
        add(
          `${at}.parties[${j}]`,
          'unknown_participant',
          `Участника «${id}» нет в списке участников`,
          `Participant "${id}" is not in the list of participants`,
        );
    });
    if (c.signed > asOf)
      add(
        `${at}.signed`,
        'after_as_of',
        `Дата подписания ${c.signed} позже даты проверки ${asOf}`,
        `The signing date ${c.signed} is after the check date ${asOf}`,
      );
  });

  const asOfYear = Number(asOf.slice(0, 4));
  const buyerYears = new Set<string>();
  input.purchases.forEach((p, k) => {
    const at = `purchases[${k}]`;
    if (!participantIds.has(p.buyer))
      add(
        `${at}.buyer`,
        'unknown_participant',
        `Участника «${p.buyer}» нет в списке участников`,
        `Participant "${p.buyer}" is not in the list of participants`,
      );
    const key = `${p.buyer}\u0000${p.year}`;
    if (buyerYears.has(key))
      add(
        `${at}.year`,
        'duplicate_purchase',
        `Закупки участника «${p.buyer}» за ${p.year} год указаны дважды`,
        `Purchases of participant "${p.buyer}" for ${p.year} are listed twice`,
      );
    buyerYears.add(key);
    if (p.fromParticipantsRub > p.totalRub)
      add(
        `${at}.fromParticipantsRub`,
        'part_exceeds_total',
        `Закупки у участников (${p.fromParticipantsRub} ₽) больше всех закупок (${p.totalRub} ₽)`,
        `Purchases from participants (${p.fromParticipantsRub} RUB) exceed total purchases (${p.totalRub} RUB)`,
      );
    if (p.year > asOfYear)
      add(
        `${at}.year`,
        'after_as_of',
        `Год ${p.year} позже года даты проверки ${asOf}`,
        `The year ${p.year} is after the year of the check date ${asOf}`,
      );
  });

  return problems.length ? { ok: false, problems } : { ok: true, value: input };
}
