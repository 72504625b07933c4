import type { Report, ReportSection } from '@promatlas/core/api/reports.schema.ts';
import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  COOPERATION_CONTRACT_TYPES,
  MEMBERSHIP_ROLES,
  ORGANISATION_KINDS,
} from '@promatlas/core/domain/vocabulary.ts';
import type { Db } from '../db/connection.ts';
import { getCluster } from '../clusters/registry/index.ts';
import { checkClusterCompliance } from '../clusters/compliance/index.ts';
import {
  findContractsOf,
  findMemberships,
  findPurchasesOf,
  loadCluster,
  participantsOf,
} from '../clusters/cooperation/index.ts';
import { SourceRefs } from '../registry/shared/mappers.ts';
import { Citations, date, factRows, factsSection } from './reports.service.ts';
import {
  AMOUNT_QUALIFIERS,
  cooperationMatrix,
  formatRequirementValue,
  REQUIREMENT_TITLES,
  VERDICT_TITLES,
} from './cluster-passport.presenter.ts';

const PASSPORT_NOTE =
  'Сведения реестра PromAtlas на дату формирования паспорта; проверка по ПП РФ № 779 — по правилам, поставляемым с PromAtlas, на дату формирования. Ничего не досчитано: чего нет в реестре, то названо в разделе «Недостающие данные».';

/**
 * The cluster passport: composition and roles, the participants' cooperation
 * (a participant × participant matrix of contracts and their value), their
 * purchases and functional dependence, the ПП 779 verdicts with the gaps to
 * close, projects and support — and, plainly, which of these facts the
 * registry does not hold.
 */
export async function clusterPassportReport(db: Db, id: number, today: string): Promise<Report> {
  const cluster = await getCluster(db, id);
  const decision = await loadCluster(db, id);
  const participants = participantsOf(await findMemberships(db, id));
  const ids = participants.map((p) => p.organisationId);
  const members = new Set(ids);
  const [allContracts, purchases, compliance] = await Promise.all([
    findContractsOf(db, ids),
    findPurchasesOf(db, ids),
    checkClusterCompliance(db, id, today),
  ]);
  const contracts = allContracts.filter(
    (c) => members.has(c.buyer_id) && members.has(c.supplier_id),
  );
  const rowSources = await SourceRefs.load(db, [
    ...contracts.map((c) => c.source_id),
    ...purchases.map((p) => p.source_id),
  ]);
  const citations = new Citations();
  const number = new Map(participants.map((p, k) => [p.organisationId, k + 1]));
  const nameOf = new Map(participants.map((p) => [String(p.organisationId), p.name]));
  const sourceOfMember = new Map(
    cluster.members.map((m) => [m.target.id, m.source] as const).filter(([, s]) => s),
  );
  const makers = participants.filter((p) => p.roles.includes('anchor'));

  const missing: string[] = [];
  if (!participants.length) missing.push('Участники кластера не внесены.');
  if (!contracts.length)
    missing.push(
      'Договоры кооперации между участниками не внесены — матрица кооперации пуста, требование о кооперационных связях не проверено.',
    );
  else if (contracts.some((c) => c.value_rub === null))
    missing.push(
      `Стоимость не указана у ${contracts.filter((c) => c.value_rub === null).length} из ${contracts.length} договоров — суммы в матрице неполные.`,
    );
  if (!makers.length && participants.length)
    missing.push(
      'Ни один участник не отмечен как производитель конечной продукции (якорный участник) — функциональную зависимость считать не по кому.',
    );
  if (!purchases.length)
    missing.push(
      'Закупки производителей конечной продукции (всего и у участников) не внесены — функциональная зависимость не рассчитана.',
    );
  if (!decision.decision_date)
    missing.push('Дата и номер заключения Минпромторга о соответствии кластера не указаны.');
  if (!cluster.specialisedOrganisation)
    missing.push('Специализированная организация кластера не указана.');
  if (participants.some((p) => p.joined.some((d) => d === null)))
    missing.push(
      `Дата вступления не указана у ${participants.filter((p) => p.joined.some((d) => d === null)).length} из ${participants.length} участников.`,
    );
  if (!cluster.projects.length) missing.push('Проекты кластера не внесены.');
  if (!cluster.support.length) missing.push('Меры поддержки кластера не внесены.');
  for (const r of compliance.check.requirements)
    if (r.verdict === 'insufficient_data')
      missing.push(
        `ПП 779, «${REQUIREMENT_TITLES[r.code] ?? r.code}»: недостаточно данных для вердикта.`,
      );

  const matrix = cooperationMatrix(
    participants.map((p) => p.organisationId),
    contracts,
  );
  const matrixColumns = (unit: string): ReportSection['columns'] => [
    { title: '№', type: 'integer' },
    { title: `Покупатель \\ поставщик${unit}`, type: 'text' },
    ...participants.map((_, k) => ({ title: String(k + 1), type: 'number' as const })),
  ];
  const matrixNote = contracts.length
    ? 'Строка — покупатель (первая сторона договора), столбец — поставщик; номера столбцов — номера участников из раздела «Состав и роли».'
    : 'Договоров кооперации между участниками в реестре нет.';

  const sections: ReportSection[] = [
    {
      id: 'general',
      title: 'Общие сведения',
      kind: 'facts',
      columns: [
        { title: 'Сведение', type: 'text' },
        { title: 'Значение', type: 'text' },
      ],
      rows: factRows([
        ['Полное название', cluster.fullName],
        ['Вид', CLUSTER_KINDS.label(cluster.kind)],
        ['Статус', CLUSTER_STATUSES.label(cluster.status)],
        ['Регион', cluster.region?.name ?? null],
        ['Специализация', cluster.specialisation],
        ['Специализированная организация', cluster.specialisedOrganisation?.title ?? null],
        ['Заключение Минпромторга', decision.decision_number],
        ['Дата заключения Минпромторга', decision.decision_date],
        ['Участников', participants.length],
        ['Договоров кооперации между участниками', contracts.length],
        ['Другие названия', cluster.aliases.length ? cluster.aliases.join('; ') : null],
        ['Источник записи', citations.cite(cluster.source)],
      ]),
      note: null,
    },
    {
      id: 'missing',
      title: 'Недостающие данные',
      kind: 'table',
      columns: [
        { title: '№', type: 'integer' },
        { title: 'Чего нет в реестре', type: 'text' },
      ],
      rows: missing.map((m, k) => [k + 1, m]),
      note: missing.length ? null : 'Все сведения паспорта есть в реестре.',
    },
    factsSection(cluster.facts, citations),
    {
      id: 'composition',
      title: 'Состав и роли',
      kind: 'table',
      columns: [
        { title: '№', type: 'integer' },
        { title: 'Участник', type: 'text' },
        { title: 'Роли в кластере', type: 'text' },
        { title: 'Вид организации', type: 'text' },
        { title: 'Регион', type: 'text' },
        { title: 'Вступил', type: 'text' },
        { title: 'Источник', type: 'text' },
      ],
      rows: participants.map((p) => {
        const joined =
          p.joined.length && p.joined.every((d) => d !== null)
            ? [...(p.joined as string[])].sort()[0]!
            : null;
        return [
          number.get(p.organisationId)!,
          p.name,
          [...new Set(p.roles)].map((r) => MEMBERSHIP_ROLES.label(r)).join('; '),
          ORGANISATION_KINDS.label(p.kind as Parameters<typeof ORGANISATION_KINDS.label>[0]),
          p.region,
          joined,
          citations.cite(sourceOfMember.get(String(p.organisationId))),
        ];
      }),
      note: participants.length ? null : 'Участники не внесены.',
    },
    {
      id: 'matrix-count',
      title: 'Кооперация — число договоров',
      kind: 'table',
      columns: matrixColumns(''),
      rows: contracts.length
        ? participants.map((p, i) => [
            i + 1,
            p.name,
            ...matrix.count[i]!.map((n) => (n === 0 ? null : n)),
          ])
        : [],
      note: matrixNote,
    },
    {
      id: 'matrix-value',
      title: 'Кооперация — сумма, млн ₽',
      kind: 'table',
      columns: matrixColumns(', млн ₽'),
      rows: contracts.length
        ? participants.map((p, i) => [i + 1, p.name, ...matrix.valueMln[i]!])
        : [],
      note: contracts.length
        ? 'Сумма стоимостей договоров, где она указана; пусто — договоров нет или их стоимость не указана.'
        : matrixNote,
    },
    {
      id: 'contracts',
      title: 'Договоры кооперации',
      kind: 'table',
      columns: [
        { title: 'Покупатель', type: 'text' },
        { title: 'Поставщик', type: 'text' },
        { title: 'Вид договора', type: 'text' },
        { title: 'Продукция', type: 'text' },
        { title: 'Подписан', type: 'text' },
        { title: 'Стоимость, ₽', type: 'number' },
        { title: 'Источник', type: 'text' },
      ],
      rows: contracts.map((c) => [
        `${number.get(c.buyer_id)}. ${nameOf.get(String(c.buyer_id)) ?? c.buyer_name}`,
        `${number.get(c.supplier_id)}. ${nameOf.get(String(c.supplier_id)) ?? c.supplier_name}`,
        COOPERATION_CONTRACT_TYPES.label(c.contract_type),
        [c.okpd2_code, c.product].filter(Boolean).join(' ') || null,
        c.signed_on,
        c.value_rub === null ? null : Number(c.value_rub),
        citations.cite(rowSources.of(c)),
      ]),
      note: contracts.length ? null : 'Договоров кооперации между участниками в реестре нет.',
    },
    {
      id: 'dependence',
      title: 'Функциональная зависимость',
      kind: 'table',
      columns: [
        { title: 'Производитель', type: 'text' },
        { title: 'Год', type: 'integer' },
        { title: 'Закупки всего, ₽', type: 'number' },
        { title: 'У участников, ₽', type: 'number' },
        { title: 'Доля, %', type: 'number' },
        { title: 'Источник', type: 'text' },
      ],
      rows: purchases.map((p) => [
        `${number.get(p.organisation_id) ?? ''}. ${nameOf.get(String(p.organisation_id)) ?? p.organisation_name}`,
        p.year,
        Number(p.total_rub),
        Number(p.from_participants_rub),
        Number(p.total_rub) > 0
          ? Math.round((Number(p.from_participants_rub) / Number(p.total_rub)) * 1000) / 10
          : null,
        citations.cite(rowSources.of(p)),
      ]),
      note:
        compliance.check.functionalDependence === null
          ? 'Функциональная зависимость не рассчитана: закупок производителей конечной продукции за последний полный год в реестре нет.'
          : `Функциональная зависимость за последний полный год: ${formatRequirementValue('functional_dependence', compliance.check.functionalDependence)}; порог ${formatRequirementValue('functional_dependence', compliance.check.functionalDependenceThreshold)}.`,
    },
    {
      id: 'compliance',
      title: 'Проверка по ПП РФ № 779',
      kind: 'table',
      columns: [
        { title: 'Требование', type: 'text' },
        { title: 'Вердикт', type: 'text' },
        { title: 'Значение', type: 'text' },
        { title: 'Порог', type: 'text' },
        { title: 'Участники', type: 'text' },
        { title: 'Срок', type: 'text' },
      ],
      rows: compliance.check.requirements.map((r) => [
        REQUIREMENT_TITLES[r.code] ?? r.code,
        VERDICT_TITLES[r.verdict],
        formatRequirementValue(r.code, r.value),
        formatRequirementValue(r.code, r.threshold),
        r.participants.map((p) => nameOf.get(p) ?? p).join('; ') || null,
        r.deadline,
      ]),
      note: `Итог на ${compliance.asOf}: ${
        compliance.check.compliant === true
          ? 'соответствует'
          : compliance.check.compliant === false
            ? 'не соответствует'
            : 'недостаточно данных'
      }. Правила: ${compliance.ruleSet.title} (версия ${compliance.ruleSet.version}). ${compliance.assumptions.join('. ')}.`,
    },
    {
      id: 'gaps',
      title: 'Что сделать',
      kind: 'table',
      columns: [
        { title: 'Требование', type: 'text' },
        { title: 'Что сделать', type: 'text' },
        { title: 'Участники', type: 'text' },
        { title: 'Срок', type: 'text' },
      ],
      rows: compliance.gaps.map((g) => [
        REQUIREMENT_TITLES[g.requirement] ?? g.requirement,
        g.message,
        g.participants.map((p) => p.title).join('; ') || null,
        g.deadline,
      ]),
      note: compliance.gaps.length ? null : 'Пробелов нет.',
    },
    {
      id: 'projects',
      title: 'Проекты',
      kind: 'table',
      columns: [
        { title: '№', type: 'integer' },
        { title: 'Название', type: 'text' },
      ],
      rows: cluster.projects.map((p, k) => [k + 1, p.title]),
      note: cluster.projects.length ? null : 'Проекты не внесены.',
    },
    {
      id: 'support',
      title: 'Поддержка',
      kind: 'table',
      columns: [
        { title: 'Мера', type: 'text' },
        { title: 'Кто предоставил', type: 'text' },
        { title: 'Сумма, ₽', type: 'number' },
        { title: 'Уточнение', type: 'text' },
        { title: 'Дата', type: 'text' },
        { title: 'Проекты', type: 'text' },
        { title: 'Источник', type: 'text' },
      ],
      rows: cluster.support.map((s) => [
        s.measure?.title ?? s.programme,
        s.provider?.title ?? null,
        s.amount,
        (AMOUNT_QUALIFIERS[s.qualifier] ?? s.qualifier) || null,
        date(s.asOf),
        s.projects.map((p) => p.title).join('; ') || null,
        citations.cite(s.source),
      ]),
      note: cluster.support.length ? null : 'Меры поддержки не внесены.',
    },
  ];
  return {
    kind: 'cluster',
    title: `Паспорт кластера ${cluster.name}`,
    subtitle: [CLUSTER_KINDS.label(cluster.kind), cluster.region?.name].filter(Boolean).join(' · '),
    generatedAt: new Date().toISOString(),
    sections,
    sources: citations.sources,
    sourcesNote: PASSPORT_NOTE,
  };
}
