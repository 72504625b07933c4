import type { Report, ReportLang, ReportSection } from '@promatlas/core/api/reports.schema.ts';
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
import { Citations, factRows, factsSection } from './reports.service.ts';
import {
  AMOUNT_QUALIFIERS,
  ASSUMPTIONS_EN,
  cooperationMatrix,
  formatRequirementValue,
  requirementTitle,
  VERDICT_TITLES,
} from './cluster-passport.presenter.ts';
import { dateIn, isoDayIn, wordsOf } from './report-lang.ts';
import { missingFacts } from './cluster-passport.missing.ts';

/**
 * The cluster passport: composition and roles, the participants' cooperation
 * (a participant × participant matrix of contracts and their value), their
 * purchases and functional dependence, the ПП 779 verdicts with the gaps to
 * close, projects and support — and, plainly, which of these facts the
 * registry does not hold.
 */
export async function clusterPassportReport(
  db: Db,
  id: number,
  today: string,
  lang: ReportLang = 'ru',
): Promise<Report> {
  const w = wordsOf(lang);
  const day = (iso: string | null | undefined) => isoDayIn(lang, iso);
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
  const citations = new Citations(lang);
  const number = new Map(participants.map((p, k) => [p.organisationId, k + 1]));
  const nameOf = new Map(participants.map((p) => [String(p.organisationId), p.name]));
  const sourceOfMember = new Map(
    cluster.members.map((m) => [m.target.id, m.source] as const).filter(([, s]) => s),
  );
  const makers = participants.filter((p) => p.roles.includes('anchor'));

  const missing = missingFacts(w, {
    participants,
    contracts,
    makers,
    purchases,
    decision,
    cluster,
    requirements: compliance.check.requirements,
  });

  const matrix = cooperationMatrix(
    participants.map((p) => p.organisationId),
    contracts,
  );
  const matrixColumns = (unit: string): ReportSection['columns'] => [
    { title: w('№', 'No.'), type: 'integer' },
    { title: `${w('Покупатель \\ поставщик', 'Buyer \\ supplier')}${unit}`, type: 'text' },
    ...participants.map((_, k) => ({ title: String(k + 1), type: 'number' as const })),
  ];
  const noContracts = w(
    'Договоров кооперации между участниками в реестре нет.',
    'The registry holds no cooperation contracts between participants.',
  );
  const matrixNote = contracts.length
    ? w(
        'Строка — покупатель (первая сторона договора), столбец — поставщик; номера столбцов — номера участников из раздела «Состав и роли».',
        'Row — the buyer (the first party of the contract), column — the supplier; the column numbers are the participants’ numbers in «Composition and roles».',
      )
    : noContracts;
  const verdict = (compliant: boolean | null) =>
    VERDICT_TITLES[
      compliant === true ? 'met' : compliant === false ? 'not_met' : 'insufficient_data'
    ][lang];
  const assumptions = compliance.assumptions.map((a) =>
    lang === 'en' ? (ASSUMPTIONS_EN[a] ?? a) : a,
  );
  // The gaps' words are the compliance check's own, which it gives in both languages.
  const gapMessage = (g: (typeof compliance.gaps)[number]) =>
    lang === 'en' ? g.messageEn : g.message;

  const sections: ReportSection[] = [
    {
      id: 'general',
      title: w('Общие сведения', 'General information'),
      kind: 'facts',
      columns: [
        { title: w('Сведение', 'Item'), type: 'text' },
        { title: w('Значение', 'Value'), type: 'text' },
      ],
      rows: factRows([
        [w('Полное название', 'Full name'), cluster.fullName],
        [w('Вид', 'Kind'), CLUSTER_KINDS.label(cluster.kind, lang)],
        [w('Статус', 'Status'), CLUSTER_STATUSES.label(cluster.status, lang)],
        [w('Регион', 'Region'), cluster.region?.name ?? null],
        [w('Специализация', 'Specialisation'), cluster.specialisation],
        [
          w('Специализированная организация', 'Specialised organisation'),
          cluster.specialisedOrganisation?.title ?? null,
        ],
        [w('Заключение Минпромторга', 'Minpromtorg decision'), decision.decision_number],
        [
          w('Дата заключения Минпромторга', 'Minpromtorg decision date'),
          day(decision.decision_date),
        ],
        [w('Участников', 'Participants'), participants.length],
        [
          w('Договоров кооперации между участниками', 'Cooperation contracts between participants'),
          contracts.length,
        ],
        [
          w('Другие названия', 'Other names'),
          cluster.aliases.length ? cluster.aliases.join('; ') : null,
        ],
        [w('Источник записи', 'Record source'), citations.cite(cluster.source)],
      ]),
      note: null,
    },
    {
      id: 'missing',
      title: w('Недостающие данные', 'Missing data'),
      kind: 'table',
      columns: [
        { title: w('№', 'No.'), type: 'integer' },
        { title: w('Чего нет в реестре', 'Missing from the registry'), type: 'text' },
      ],
      rows: missing.map((m, k) => [k + 1, m]),
      note: missing.length
        ? null
        : w(
            'Все сведения паспорта есть в реестре.',
            'The registry holds every item of the passport.',
          ),
    },
    factsSection(cluster.facts, citations, lang),
    {
      id: 'composition',
      title: w('Состав и роли', 'Composition and roles'),
      kind: 'table',
      columns: [
        { title: w('№', 'No.'), type: 'integer' },
        { title: w('Участник', 'Participant'), type: 'text' },
        { title: w('Роли в кластере', 'Roles in the cluster'), type: 'text' },
        { title: w('Вид организации', 'Kind of organisation'), type: 'text' },
        { title: w('Регион', 'Region'), type: 'text' },
        { title: w('Вступил', 'Joined'), type: 'text' },
        { title: w('Источник', 'Source'), type: 'text' },
      ],
      rows: participants.map((p) => {
        const joined =
          p.joined.length && p.joined.every((d) => d !== null)
            ? [...(p.joined as string[])].sort()[0]!
            : null;
        return [
          number.get(p.organisationId)!,
          p.name,
          [...new Set(p.roles)].map((r) => MEMBERSHIP_ROLES.label(r, lang)).join('; '),
          ORGANISATION_KINDS.label(p.kind, lang),
          p.region,
          day(joined),
          citations.cite(sourceOfMember.get(String(p.organisationId))),
        ];
      }),
      note: participants.length
        ? null
        : w('Участники не внесены.', 'No participants are recorded.'),
    },
    {
      id: 'matrix-count',
      title: w('Кооперация — число договоров', 'Cooperation — number of contracts'),
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
      title: w('Кооперация — сумма, млн ₽', 'Cooperation — value, mln ₽'),
      kind: 'table',
      columns: matrixColumns(w(', млн ₽', ', mln ₽')),
      rows: contracts.length
        ? participants.map((p, i) => [i + 1, p.name, ...matrix.valueMln[i]!])
        : [],
      note: contracts.length
        ? w(
            'Сумма стоимостей договоров, где она указана; пусто — договоров нет или их стоимость не указана.',
            'The sum of the contracts’ values where given; empty — no contracts, or their value is not given.',
          )
        : matrixNote,
    },
    {
      id: 'contracts',
      title: w('Договоры кооперации', 'Cooperation contracts'),
      kind: 'table',
      columns: [
        { title: w('Покупатель', 'Buyer'), type: 'text' },
        { title: w('Поставщик', 'Supplier'), type: 'text' },
        { title: w('Вид договора', 'Contract type'), type: 'text' },
        { title: w('Продукция', 'Product'), type: 'text' },
        { title: w('Подписан', 'Signed'), type: 'text' },
        { title: w('Стоимость, ₽', 'Value, ₽'), type: 'number' },
        { title: w('Источник', 'Source'), type: 'text' },
      ],
      rows: contracts.map((c) => [
        `${number.get(c.buyer_id)}. ${nameOf.get(String(c.buyer_id)) ?? c.buyer_name}`,
        `${number.get(c.supplier_id)}. ${nameOf.get(String(c.supplier_id)) ?? c.supplier_name}`,
        COOPERATION_CONTRACT_TYPES.label(c.contract_type, lang),
        [c.okpd2_code, c.product].filter(Boolean).join(' ') || null,
        day(c.signed_on),
        c.value_rub === null ? null : Number(c.value_rub),
        citations.cite(rowSources.of(c)),
      ]),
      note: contracts.length ? null : noContracts,
    },
    {
      id: 'dependence',
      title: w('Функциональная зависимость', 'Functional dependence'),
      kind: 'table',
      columns: [
        { title: w('Производитель', 'Maker'), type: 'text' },
        { title: w('Год', 'Year'), type: 'integer' },
        { title: w('Закупки всего, ₽', 'Total purchases, ₽'), type: 'number' },
        { title: w('У участников, ₽', 'From participants, ₽'), type: 'number' },
        { title: w('Доля, %', 'Share, %'), type: 'number' },
        { title: w('Источник', 'Source'), type: 'text' },
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
          ? w(
              'Функциональная зависимость не рассчитана: закупок производителей конечной продукции за последний полный год в реестре нет.',
              'The functional dependence is not computed: the registry holds no purchases of finished-product makers for the latest complete year.',
            )
          : w(
              `Функциональная зависимость за последний полный год: ${formatRequirementValue('functional_dependence', compliance.check.functionalDependence, lang)}; порог ${formatRequirementValue('functional_dependence', compliance.check.functionalDependenceThreshold, lang)}.`,
              `Functional dependence for the latest complete year: ${formatRequirementValue('functional_dependence', compliance.check.functionalDependence, lang)}; threshold ${formatRequirementValue('functional_dependence', compliance.check.functionalDependenceThreshold, lang)}.`,
            ),
    },
    {
      id: 'compliance',
      title: w('Проверка по ПП РФ № 779', 'Check under Decree No. 779'),
      kind: 'table',
      columns: [
        { title: w('Требование', 'Requirement'), type: 'text' },
        { title: w('Вердикт', 'Verdict'), type: 'text' },
        { title: w('Значение', 'Value'), type: 'text' },
        { title: w('Порог', 'Threshold'), type: 'text' },
        { title: w('Участники', 'Participants'), type: 'text' },
        { title: w('Срок', 'Deadline'), type: 'text' },
      ],
      rows: compliance.check.requirements.map((r) => [
        requirementTitle(lang, r.code),
        VERDICT_TITLES[r.verdict][lang],
        formatRequirementValue(r.code, r.value, lang),
        formatRequirementValue(r.code, r.threshold, lang),
        r.participants.map((p) => nameOf.get(p) ?? p).join('; ') || null,
        day(r.deadline),
      ]),
      note: w(
        `Итог на ${day(compliance.asOf)}: ${verdict(compliance.check.compliant)}. Правила: ${compliance.ruleSet.title} (версия ${compliance.ruleSet.version}). ${assumptions.join('. ')}.`,
        `Result as of ${day(compliance.asOf)}: ${verdict(compliance.check.compliant)}. Rules: ${compliance.ruleSet.title} (version ${compliance.ruleSet.version}). ${assumptions.join('. ')}.`,
      ),
    },
    {
      id: 'gaps',
      title: w('Что сделать', 'What to do'),
      kind: 'table',
      columns: [
        { title: w('Требование', 'Requirement'), type: 'text' },
        { title: w('Что сделать', 'What to do'), type: 'text' },
        { title: w('Участники', 'Participants'), type: 'text' },
        { title: w('Срок', 'Deadline'), type: 'text' },
      ],
      rows: compliance.gaps.map((g) => [
        requirementTitle(lang, g.requirement),
        gapMessage(g),
        g.participants.map((p) => p.title).join('; ') || null,
        day(g.deadline),
      ]),
      note: compliance.gaps.length ? null : w('Пробелов нет.', 'Nothing to do.'),
    },
    {
      id: 'projects',
      title: w('Проекты', 'Projects'),
      kind: 'table',
      columns: [
        { title: w('№', 'No.'), type: 'integer' },
        { title: w('Название', 'Title'), type: 'text' },
      ],
      rows: cluster.projects.map((p, k) => [k + 1, p.title]),
      note: cluster.projects.length ? null : w('Проекты не внесены.', 'No projects are recorded.'),
    },
    {
      id: 'support',
      title: w('Поддержка', 'Support'),
      kind: 'table',
      columns: [
        { title: w('Мера', 'Measure'), type: 'text' },
        { title: w('Кто предоставил', 'Provider'), type: 'text' },
        { title: w('Сумма, ₽', 'Amount, ₽'), type: 'number' },
        { title: w('Уточнение', 'Qualifier'), type: 'text' },
        { title: w('Дата', 'Date'), type: 'text' },
        { title: w('Проекты', 'Projects'), type: 'text' },
        { title: w('Источник', 'Source'), type: 'text' },
      ],
      rows: cluster.support.map((s) => [
        s.measure?.title ?? s.programme,
        s.provider?.title ?? null,
        s.amount,
        (AMOUNT_QUALIFIERS[s.qualifier]?.[lang] ?? s.qualifier) || null,
        dateIn(lang, s.asOf),
        s.projects.map((p) => p.title).join('; ') || null,
        citations.cite(s.source),
      ]),
      note: cluster.support.length
        ? null
        : w('Меры поддержки не внесены.', 'No support measures are recorded.'),
    },
  ];
  return {
    kind: 'cluster',
    title: w(`Паспорт кластера ${cluster.name}`, `Cluster passport: ${cluster.name}`),
    subtitle: [CLUSTER_KINDS.label(cluster.kind, lang), cluster.region?.name]
      .filter(Boolean)
      .join(' · '),
    generatedAt: new Date().toISOString(),
    sections,
    sources: citations.sources,
    sourcesNote: w(
      'Сведения реестра PromAtlas на дату формирования паспорта; проверка по ПП РФ № 779 — по правилам, поставляемым с PromAtlas, на дату формирования. Ничего не досчитано: чего нет в реестре, то названо в разделе «Недостающие данные».',
      'PromAtlas registry data as of the date the passport was generated; the Decree No. 779 check uses the rules shipped with PromAtlas, as of that date. Nothing is estimated: what the registry lacks is named under «Missing data».',
    ),
  };
}
