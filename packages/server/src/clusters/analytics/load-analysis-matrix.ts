import type { EmploymentMatrix } from '@promatlas/core/analytics/index.ts';
import type { IndustryType } from '@promatlas/core/domain/vocabulary.ts';
import {
  aggregateToCategories,
  clusterCategoryOfOkved,
  nearestPresentAncestors,
} from '@promatlas/core/clusters/index.ts';
import type { DatasetDto } from '@promatlas/core/api/cluster-analytics.schema.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError, ValidationError } from '../../shared/domain-errors.ts';
import {
  loadCategories,
  loadCategoryMapping,
  loadOkvedNames,
  loadValues,
} from '../../datasets/index.ts';
import { regionNames } from './cluster-analytics.repository.ts';
import type { AnalysisNote } from './analysis-notes.ts';

export type AnalysisLevel = 'okved' | 'category';

/** The code of the column that holds what ОКВЭД2 → category aggregation could not assign. */
export const UNASSIGNED = 'unassigned';

export interface IndustryInfo {
  code: string;
  name: string;
  type: IndustryType | null;
}

/**
 * One dataset's values for some years as dense matrices over the same regions
 * and industries, ready for the core analytics, with what the analyses need to
 * stay correct on hierarchical data:
 * - `denominatorIndustries`: the columns that partition the economy (ОКВЭД2
 *   codes with no listed ancestor, or every category): region and benchmark
 *   totals are summed over them only, so a section and its divisions are not
 *   counted twice;
 * - `regionTotals`: those totals per region (the base of shares and focus);
 * - `tradedIndustries`: the non-overlapping traded columns, for cluster strength.
 */
export interface AnalysisMatrices {
  level: AnalysisLevel;
  regionIds: string[];
  industryIds: string[];
  byYear: Map<number, { matrix: EmploymentMatrix; regionTotals: Float64Array }>;
  industries: Map<string, IndustryInfo>;
  regionNames: Map<string, string>;
  denominatorIndustries: string[];
  tradedIndustries: string[];
  notes: AnalysisNote[];
}

export async function loadAnalysisMatrices(
  db: Db,
  dataset: DatasetDto,
  years: readonly number[],
  requestedLevel: AnalysisLevel | undefined,
): Promise<AnalysisMatrices> {
  const level: AnalysisLevel =
    requestedLevel ??
    (dataset.industryClassification === 'cluster_category' ? 'category' : 'okved');
  if (level === 'okved' && dataset.industryClassification === 'cluster_category')
    throw new ValidationError(
      'Набор задан по кластерным категориям: анализ по кодам ОКВЭД2 невозможен (level=category)',
      'The dataset is by cluster category: analysis by ОКВЭД2 code is not possible (use level=category)',
      { code: 'level_unavailable' },
    );
  const rows = await loadValues(db, dataset.id, years);
  for (const year of years)
    if (!rows.some((r) => r.year === year))
      throw new NotFoundError({
        ru: `В наборе «${dataset.name}» нет данных за ${year} год; есть годы: ${dataset.years.join(', ') || 'нет'}`,
        en: `Dataset "${dataset.name}" has no values for ${year}; years available: ${dataset.years.join(', ') || 'none'}`,
        code: 'year_not_found',
      });
  const regionIds = [...new Set(rows.map((r) => r.region_code))].sort();
  const sourceIndustries = [...new Set(rows.map((r) => r.industry_code))].sort(compareCodes);
  const regionIndex = new Map(regionIds.map((id, r) => [id, r]));
  const industryIndex = new Map(sourceIndustries.map((id, i) => [id, i]));
  const sourceByYear = new Map<number, EmploymentMatrix>();
  for (const year of years) {
    const values = new Float64Array(regionIds.length * sourceIndustries.length);
    for (const row of rows)
      if (row.year === year)
        values[
          regionIndex.get(row.region_code)! * sourceIndustries.length +
            industryIndex.get(row.industry_code)!
        ] = row.value;
    sourceByYear.set(year, { regionIds, industryIds: sourceIndustries, values });
  }

  const categories = await loadCategories(db);
  const categoryType = new Map(categories.map((c) => [c.code, c.type]));
  const mapping = new Map(
    (await loadCategoryMapping(db)).map((m) => [m.okved_code, m.category_code]),
  );
  const names = await regionNames(db, regionIds, dataset.regionLevel);
  const notes: AnalysisNote[] = [];
  const industries = new Map<string, IndustryInfo>();
  const byYear: AnalysisMatrices['byYear'] = new Map();

  if (level === 'category' && dataset.industryClassification === 'okved2') {
    const categoryCodes = categories.map((c) => c.code);
    let anyUnassigned = false;
    const aggregated = new Map<number, ReturnType<typeof aggregateToCategories>>();
    for (const [year, matrix] of sourceByYear) {
      const result = aggregateToCategories(matrix, { mapping, categoryCodes });
      aggregated.set(year, result);
      if (result.unmapped.some((v) => v > 0)) anyUnassigned = true;
      for (const note of result.notes) notes.push(aggregationNote(note, year));
    }
    const industryIds = anyUnassigned ? [...categoryCodes, UNASSIGNED] : categoryCodes;
    for (const [year, result] of aggregated) {
      let values = result.matrix.values;
      if (anyUnassigned) {
        const width = categoryCodes.length;
        values = new Float64Array(regionIds.length * (width + 1));
        for (let r = 0; r < regionIds.length; r++) {
          values.set(result.matrix.values.subarray(r * width, (r + 1) * width), r * (width + 1));
          values[r * (width + 1) + width] = result.unmapped[r]!;
        }
      }
      byYear.set(year, {
        matrix: { regionIds, industryIds, values },
        regionTotals: result.regionTotals,
      });
    }
    for (const c of categories)
      industries.set(c.code, { code: c.code, name: c.name, type: c.type });
    if (anyUnassigned)
      industries.set(UNASSIGNED, {
        code: UNASSIGNED,
        name: 'Не распределено по категориям',
        type: null,
      });
    return {
      level,
      regionIds,
      industryIds,
      byYear,
      industries,
      regionNames: names,
      denominatorIndustries: industryIds,
      tradedIndustries: categoryCodes.filter((c) => categoryType.get(c) === 'traded'),
      notes,
    };
  }

  let denominatorIndustries = sourceIndustries;
  if (dataset.industryClassification === 'okved2') {
    const parents = nearestPresentAncestors(sourceIndustries);
    denominatorIndustries = sourceIndustries.filter((_, i) => parents[i] === -1);
    if (denominatorIndustries.length < sourceIndustries.length)
      notes.push({
        kind: 'nestedCodes',
        message: `В наборе есть вложенные коды ОКВЭД2: итоги регионов и страны считаются по ${denominatorIndustries.length} кодам верхнего уровня (${denominatorIndustries.join(', ')}), чтобы не учитывать одно и то же дважды`,
        messageEn: `The dataset has nested ОКВЭД2 codes: region and national totals are summed over its ${denominatorIndustries.length} top-level codes only, so nothing is counted twice`,
      });
    const okvedNames = new Map(
      (await loadOkvedNames(db, sourceIndustries)).map((o) => [o.code, o.name]),
    );
    for (const code of sourceIndustries) {
      const category = clusterCategoryOfOkved(code, mapping);
      industries.set(code, {
        code,
        name: okvedNames.get(code) ?? code,
        type: category ? (categoryType.get(category) ?? null) : null,
      });
    }
  } else {
    const byCode = new Map(categories.map((c) => [c.code, c]));
    for (const code of sourceIndustries) {
      const c = byCode.get(code);
      industries.set(code, {
        code,
        name: c?.name ?? code,
        type: c?.type ?? null,
      });
    }
  }
  const inDenominator = new Set(denominatorIndustries);
  for (const [year, matrix] of sourceByYear) {
    const regionTotals = new Float64Array(regionIds.length);
    for (let r = 0; r < regionIds.length; r++)
      for (let i = 0; i < sourceIndustries.length; i++)
        if (inDenominator.has(sourceIndustries[i]!))
          regionTotals[r] = regionTotals[r]! + matrix.values[r * sourceIndustries.length + i]!;
    byYear.set(year, { matrix, regionTotals });
  }
  const untyped = denominatorIndustries.filter((code) => industries.get(code)!.type === null);
  if (untyped.length > 0)
    notes.push({
      kind: 'untypedIndustries',
      message: `Коды без типа (торгуемая/локальная) не входят в силу кластеров: ${untyped.join(', ')} — их нет в сопоставлении кластерных категорий или раздел смешанный`,
      messageEn: `Codes without a traded/local type are left out of cluster strength: ${untyped.join(', ')}`,
    });
  return {
    level,
    regionIds,
    industryIds: sourceIndustries,
    byYear,
    industries,
    regionNames: names,
    denominatorIndustries,
    tradedIndustries: denominatorIndustries.filter(
      (code) => industries.get(code)!.type === 'traded',
    ),
    notes,
  };
}

/** Sections (letters) first, then numeric codes in code order. */
function compareCodes(a: string, b: string): number {
  const letter = (s: string) => /^[A-Z]$/.test(s);
  if (letter(a) !== letter(b)) return letter(a) ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function aggregationNote(
  note: ReturnType<typeof aggregateToCategories>['notes'][number],
  year: number,
): AnalysisNote {
  switch (note.kind) {
    case 'unmappedCode':
      return {
        kind: note.kind,
        message: `${year}: значение кода ОКВЭД2 ${note.industryId} (${formatNumber(note.value)} всего по регионам за вычетом вложенных кодов) не отнесено ни к одной категории — раздел смешанный или код не сопоставлен; оно учтено в итогах как «Не распределено»`,
        messageEn: `${year}: ОКВЭД2 ${note.industryId} (${note.value} over regions, net of nested codes) has no category; counted in totals as "unassigned"`,
      };
    case 'subCodesExceedCode':
      return {
        kind: note.kind,
        message: `${year}: в ${note.regions} регионах вложенные коды ОКВЭД2 в сумме больше кода ${note.industryId}; остаток кода принят за 0`,
        messageEn: `${year}: in ${note.regions} regions the sub-codes of ${note.industryId} add up to more than the code; its remainder is taken as 0`,
      };
    case 'unknownCategory':
      return {
        kind: note.kind,
        message: `Сопоставление ссылается на неизвестную категорию «${note.categoryCode}»; её коды не распределены`,
        messageEn: `The mapping names an unknown category "${note.categoryCode}"; its codes stay unassigned`,
      };
  }
}

function formatNumber(x: number): string {
  return new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }).format(x);
}
