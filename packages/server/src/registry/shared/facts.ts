import type { Fact } from '@promatlas/core/api/common.schema.ts';
import type { Db } from '../../db/connection.ts';
import { resolveEntityRefs } from './entity-refs.ts';
import { findStatementsAbout } from './facts.repository.ts';
import { periodOf, SourceRefs } from './mappers.ts';

/** Russian labels of statement properties; unknown properties show their key. */
export const PROPERTY_LABELS: Record<string, string> = {
  residents: 'Резиденты',
  plants_to_open: 'Новых заводов откроется в этом году',
  sez_type: 'Тип ОЭЗ',
  education_production_clusters: 'Образовательно-производственные кластеры',
  education_clusters: 'Образовательные кластеры',
  broadband_settlements: 'Высокоскоростной интернет',
  note: 'Примечание',
  planned_participants: 'Планируемое число участников',
  about_cluster: 'Кластер',
  supported_projects: 'Проектов поддержано',
  support_total: 'Общая сумма поддержки',
  max_cost_share: 'Максимальная доля возмещения затрат',
  key_industry: 'Ключевая отрасль',
  cooperation: 'Сотрудничество',
  age_range: 'Возраст участников',
};

/**
 * All statements about one subject, newest first within a property. The
 * current value of a property is the first; older values stay visible as
 * history, and disagreeing sources are both shown.
 */
export async function loadFacts(
  db: Db,
  subjectType: string,
  subjectId: string | number,
): Promise<Fact[]> {
  const rows = await findStatementsAbout(db, subjectType, String(subjectId));
  const sources = await SourceRefs.load(
    db,
    rows.map((r) => r.source_id),
  );
  const objects = await resolveEntityRefs(
    db,
    rows
      .filter((r) => r.object_type && r.object_id)
      .map((r) => ({ type: r.object_type!, id: r.object_id! })),
  );
  return rows.map((r) => ({
    id: r.id,
    property: r.property,
    label: PROPERTY_LABELS[r.property] ?? r.property,
    valueNumber: r.value_number,
    valueText: r.value_text,
    unit: r.unit,
    qualifier: r.qualifier as Fact['qualifier'],
    asOf: periodOf(r),
    object:
      r.object_type && r.object_id
        ? (objects.get(`${r.object_type}:${r.object_id}`) ?? null)
        : null,
    source: sources.of(r),
  }));
}
