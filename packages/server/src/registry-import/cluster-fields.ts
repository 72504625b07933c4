import {
  CLUSTER_KINDS,
  CLUSTER_STATUSES,
  MEMBERSHIP_ROLES,
  type ClusterKind,
  type ClusterStatus,
  type MembershipRole,
} from '@promatlas/core/domain/vocabulary.ts';
import {
  cellTexts,
  dateOf,
  issue,
  organisationRef,
  regionCodeOf,
  vocabularyMatcher,
  type FieldIssue,
  type OrganisationRef,
} from './field-kit.ts';
import {
  FULL_NAME_FIELD,
  linkDates,
  placeNames,
  checkPeriodOrder,
  REGION_FIELD,
  SPECIALISATION_FIELD,
  type PlaceCandidate,
} from './place-fields.ts';

/** The fields a clusters file may fill: the cluster, and one member with its role per row. */
export const CLUSTER_FIELDS = {
  name: {
    ru: 'Наименование кластера',
    en: 'Cluster name',
    headers: ['наименование кластера', 'кластер', 'наименование', 'название', 'name'],
  },
  fullName: FULL_NAME_FIELD,
  kind: {
    ru: 'Тип кластера',
    en: 'Kind',
    headers: ['тип кластера', 'тип', 'вид кластера', 'вид', 'kind'],
  },
  status: { ru: 'Статус', en: 'Status', headers: ['статус', 'status'] },
  region: REGION_FIELD,
  specialisation: SPECIALISATION_FIELD,
  decisionNumber: {
    ru: 'Номер решения Минпромторга',
    en: 'Decision number',
    headers: ['номер решения', 'номер заключения', 'решение минпромторга', 'decision number'],
  },
  decisionDate: {
    ru: 'Дата решения',
    en: 'Decision date',
    headers: ['дата решения', 'дата заключения', 'decision date'],
  },
  memberInn: {
    ru: 'ИНН участника',
    en: 'Member INN',
    headers: ['инн участника', 'инн', 'инн организации'],
  },
  member: {
    ru: 'Участник',
    en: 'Member',
    headers: ['участник', 'участник кластера', 'наименование участника', 'организация', 'member'],
  },
  role: { ru: 'Роль участника', en: 'Role', headers: ['роль', 'роль участника', 'role'] },
  memberSince: {
    ru: 'Участник с',
    en: 'Member since',
    headers: ['участник с', 'дата вступления', 'дата включения', 'с'],
  },
  memberUntil: {
    ru: 'Участник по',
    en: 'Member until',
    headers: ['участник по', 'дата выхода', 'дата исключения', 'по'],
  },
} as const;
export type ClusterField = keyof typeof CLUSTER_FIELDS;
const KEYS = Object.keys(CLUSTER_FIELDS) as ClusterField[];

export interface ClusterCandidate extends PlaceCandidate {
  kind?: ClusterKind;
  status?: ClusterStatus;
  decisionNumber?: string;
  decisionDate?: string;
  member?: OrganisationRef;
  role?: MembershipRole;
  since?: string;
  until?: string;
}

const kindOf = vocabularyMatcher(CLUSTER_KINDS, {
  промышленный: 'industrial',
  итк: 'innovation_territorial',
});
const statusOf = vocabularyMatcher(CLUSTER_STATUSES);
const roleOf = vocabularyMatcher(MEMBERSHIP_ROLES, {
  якорный: 'anchor',
  'якорный участник': 'anchor',
  поставщик: 'component_supplier',
  'специализированная организация кластера': 'specialised_organisation',
});

export function validateCluster(
  values: Partial<Record<string, string>>,
):
  | { candidate: ClusterCandidate; warnings: FieldIssue[] }
  | { issues: FieldIssue[]; warnings: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const warnings: FieldIssue[] = [];
  const text = cellTexts(values as Partial<Record<ClusterField, string>>, KEYS, issues);
  const c: Partial<ClusterCandidate> = {
    ...placeNames(text, issues, ['наименование кластера не указано', 'the cluster name is empty']),
  };
  const vocab = <K extends string>(
    field: ClusterField,
    match: (t: string) => K | undefined,
    what: [string, string],
  ): K | undefined => {
    const t = text[field];
    if (t === undefined) return undefined;
    const v = match(t);
    if (!v)
      issues.push(
        issue(
          field,
          `unknown_${field}`,
          `${what[0]} «${t}» не распознан`,
          `${what[1]} "${t}" is not recognised`,
        ),
      );
    return v;
  };
  const kind = vocab('kind', kindOf, ['тип кластера', 'cluster kind']);
  if (kind) c.kind = kind;
  const status = vocab('status', statusOf, ['статус', 'status']);
  if (status) c.status = status;
  const role = vocab('role', roleOf, ['роль участника', 'member role']);
  if (role) c.role = role;
  if (text.region !== undefined) {
    const code = regionCodeOf('region', text.region, issues);
    if (code) c.regionCode = code;
  }
  if (text.specialisation) c.specialisation = text.specialisation;
  if (text.decisionNumber) c.decisionNumber = text.decisionNumber;
  if (text.decisionDate !== undefined) {
    const d = dateOf('decisionDate', text.decisionDate, issues);
    if (d) c.decisionDate = d;
  }
  Object.assign(
    c,
    linkDates(
      { since: 'memberSince', until: 'memberUntil' },
      { since: text.memberSince, until: text.memberUntil },
      issues,
    ),
  );
  const ref = organisationRef('memberInn', 'member', text.memberInn, text.member, issues, warnings);
  if (ref) c.member = ref;
  checkPeriodOrder(c, 'memberUntil', issues);
  if ((c.role || c.since || c.until) && !ref && issues.length === 0)
    issues.push(
      issue(
        'member',
        'empty',
        'указана роль или срок, но не участник',
        'a role or a period is given but no member',
      ),
    );
  if (issues.length > 0) return { issues, warnings };
  return { candidate: c as ClusterCandidate, warnings };
}
