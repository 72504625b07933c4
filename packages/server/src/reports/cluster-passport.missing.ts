import { requirementTitle } from './cluster-passport.presenter.ts';
import type { Words } from './report-lang.ts';

/** What the passport reads of the cluster to say which of its facts the registry does not hold. */
export interface PassportFacts {
  participants: readonly { joined: readonly (string | null)[] }[];
  contracts: readonly { value_rub: unknown }[];
  makers: readonly unknown[];
  purchases: readonly unknown[];
  decision: { decision_date: unknown };
  cluster: {
    specialisedOrganisation: unknown;
    projects: readonly unknown[];
    support: readonly unknown[];
  };
  requirements: readonly { code: Parameters<typeof requirementTitle>[1]; verdict: string }[];
}

/**
 * The passport's «missing data» list: each fact the registry lacks for the
 * cluster, and each ПП 779 requirement that has too few data for a verdict,
 * in the report's language.
 */
export function missingFacts(w: Words, facts: PassportFacts): string[] {
  const { participants, contracts, makers, purchases, decision, cluster } = facts;
  const missing: string[] = [];
  if (!participants.length)
    missing.push(
      w('Участники кластера не внесены.', 'The cluster’s participants are not recorded.'),
    );
  const unpriced = contracts.filter((c) => c.value_rub === null).length;
  if (!contracts.length)
    missing.push(
      w(
        'Договоры кооперации между участниками не внесены — матрица кооперации пуста, требование о кооперационных связях не проверено.',
        'No cooperation contracts between participants are recorded — the cooperation matrix is empty and the cooperation requirement is not checked.',
      ),
    );
  else if (unpriced)
    missing.push(
      w(
        `Стоимость не указана у ${unpriced} из ${contracts.length} договоров — суммы в матрице неполные.`,
        `The value is missing for ${unpriced} of ${contracts.length} contracts — the matrix sums are incomplete.`,
      ),
    );
  if (!makers.length && participants.length)
    missing.push(
      w(
        'Ни один участник не отмечен как производитель конечной продукции (якорный участник) — функциональную зависимость считать не по кому.',
        'No participant is marked as a finished-product maker (anchor) — there is nobody to compute the functional dependence over.',
      ),
    );
  if (!purchases.length)
    missing.push(
      w(
        'Закупки производителей конечной продукции (всего и у участников) не внесены — функциональная зависимость не рассчитана.',
        'The purchases of finished-product makers (total and from participants) are not recorded — the functional dependence is not computed.',
      ),
    );
  if (!decision.decision_date)
    missing.push(
      w(
        'Дата и номер заключения Минпромторга о соответствии кластера не указаны.',
        'The date and number of the Minpromtorg decision on the cluster’s compliance are not given.',
      ),
    );
  if (!cluster.specialisedOrganisation)
    missing.push(
      w(
        'Специализированная организация кластера не указана.',
        'The cluster’s specialised organisation is not given.',
      ),
    );
  const undated = participants.filter((p) => p.joined.some((d) => d === null)).length;
  if (undated)
    missing.push(
      w(
        `Дата вступления не указана у ${undated} из ${participants.length} участников.`,
        `The joining date is missing for ${undated} of ${participants.length} participants.`,
      ),
    );
  if (!cluster.projects.length)
    missing.push(w('Проекты кластера не внесены.', 'The cluster’s projects are not recorded.'));
  if (!cluster.support.length)
    missing.push(
      w('Меры поддержки кластера не внесены.', 'The cluster’s support measures are not recorded.'),
    );
  for (const r of facts.requirements)
    if (r.verdict === 'insufficient_data')
      missing.push(
        w(
          `ПП 779, «${requirementTitle('ru', r.code)}»: недостаточно данных для вердикта.`,
          `Decree No. 779, «${requirementTitle('en', r.code)}»: insufficient data for a verdict.`,
        ),
      );

  return missing;
}
