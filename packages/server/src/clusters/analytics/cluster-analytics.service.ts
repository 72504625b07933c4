import {
  candidateClusters,
  clusterStrength,
  industryRelatedness,
} from '@promatlas/core/analytics/index.ts';
import type {
  ClusterCandidates,
  ClusterMap,
  ClusterPortfolio,
  DatasetDto,
} from '@promatlas/core/api/cluster-analytics.schema.ts';
import { matchFederalSubject } from '@promatlas/core/regions/match-federal-subject.ts';
import type { Db } from '../../db/connection.ts';
import { NotFoundError } from '../../shared/domain-errors.ts';
import { getDataset } from '../../datasets/index.ts';
import { coreNotes, NO_ESTABLISHMENTS_NOTE, type AnalysisNote } from './analysis-notes.ts';
import { computeClusterYear, selectColumns } from './compute-cluster-year.ts';
import {
  loadAnalysisMatrices,
  UNASSIGNED,
  type AnalysisLevel,
  type AnalysisMatrices,
  type IndustryInfo,
} from './load-analysis-matrix.ts';

function datasetRef(d: DatasetDto) {
  return { id: d.id, name: d.name, measure: d.measure, unit: d.unit, illustrative: d.illustrative };
}

function illustrativeNote(d: DatasetDto): AnalysisNote[] {
  return d.illustrative
    ? [
        {
          kind: 'illustrative',
          message: 'Иллюстративные данные: не реальная статистика',
          messageEn: 'Illustrative data, not real statistics',
        },
      ]
    : [];
}

function namesOf(m: AnalysisMatrices) {
  return {
    region: (c: string) => m.regionNames.get(c) ?? c,
    industry: (c: string) => m.industries.get(c)?.name ?? c,
  };
}

function industryIndex(
  m: AnalysisMatrices,
  code: string,
  dataset: DatasetDto,
  year: number,
): number {
  const exact = m.industryIds.indexOf(code);
  const i =
    exact >= 0 ? exact : m.industryIds.findIndex((id) => id.toLowerCase() === code.toLowerCase());
  if (i < 0 || m.industryIds[i] === UNASSIGNED)
    throw new NotFoundError({
      ru: `Отрасли «${code}» нет в наборе «${dataset.name}» за ${year} год на уровне ${m.level === 'category' ? 'кластерных категорий' : 'кодов ОКВЭД2'}`,
      en: `Industry "${code}" is not in dataset "${dataset.name}" for ${year} at level ${m.level}`,
      code: 'industry_not_found',
    });
  return i;
}

function regionIndex(m: AnalysisMatrices, text: string, dataset: DatasetDto): number {
  let r = m.regionIds.indexOf(text.trim());
  if (r < 0 && dataset.regionLevel === 'federal_subject') {
    const subject = matchFederalSubject(text);
    if (subject) r = m.regionIds.indexOf(subject.code);
  }
  if (r < 0)
    throw new NotFoundError({
      ru: `Региона «${text}» нет в наборе «${dataset.name}» за выбранные годы`,
      en: `Region "${text}" is not in dataset "${dataset.name}" for the years chosen`,
      code: 'region_not_found',
    });
  return r;
}

function industryRef(info: IndustryInfo | undefined, code: string): IndustryInfo {
  return info ?? { code, name: code, type: null };
}

/** LQ choropleth of one industry or category: every region of the dataset, with CMP strong flags and ECO stars. */
export async function getClusterMap(
  db: Db,
  q: { dataset: number; year: number; industry: string; level?: AnalysisLevel | undefined },
): Promise<ClusterMap> {
  const dataset = await getDataset(db, q.dataset);
  const m = await loadAnalysisMatrices(db, dataset, [q.year], q.level);
  const i = industryIndex(m, q.industry, dataset, q.year);
  const { matrix, regionTotals } = m.byYear.get(q.year)!;
  const { lq, flags, stars } = computeClusterYear(matrix, regionTotals, m.denominatorIndustries);
  const width = m.industryIds.length;
  const industryId = m.industryIds[i]!;
  const items = m.regionIds.map((code, r) => {
    const cell = r * width + i;
    const total = regionTotals[r]!;
    return {
      region: { code, name: m.regionNames.get(code) ?? code },
      value: matrix.values[cell]!,
      share: total > 0 ? matrix.values[cell]! / total : 0,
      locationQuotient: lq.values[cell]!,
      significant: flags.significant[cell] === 1,
      strong: flags.strong[cell] === 1,
      stars: stars.stars[cell]!,
      starSize: stars.size[cell] === 1,
      starSpecialisation: stars.specialisation[cell] === 1,
      starFocus: stars.focus[cell] === 1,
    };
  });
  items.sort(
    (a, b) =>
      b.locationQuotient - a.locationQuotient || a.region.name.localeCompare(b.region.name, 'ru'),
  );
  const strongThresholds = flags.thresholds[i]!;
  const starThresholds = stars.thresholds[i]!;
  return {
    dataset: datasetRef(dataset),
    year: q.year,
    level: m.level,
    industry: industryRef(m.industries.get(industryId), industryId),
    thresholds: {
      qualifyingRegions: strongThresholds.qualifyingRegions,
      locationQuotientQ75: strongThresholds.locationQuotientQ75,
      valueQ25: strongThresholds.employmentQ25,
      valueQ90: starThresholds.employmentQ90,
      focusQ90: starThresholds.focusQ90,
    },
    items,
    notes: [
      ...illustrativeNote(dataset),
      ...m.notes,
      ...coreNotes([...lq.notes, ...flags.notes, ...stars.notes], namesOf(m), {
        industry: industryId,
      }),
      NO_ESTABLISHMENTS_NOTE,
    ],
  };
}

/** A region's cluster portfolio (CMP): LQ × share × growth per industry, strong clusters and cluster strength. */
export async function getClusterPortfolio(
  db: Db,
  q: {
    dataset: number;
    year: number;
    region: string;
    baseYear?: number | undefined;
    level?: AnalysisLevel | undefined;
  },
): Promise<ClusterPortfolio> {
  const dataset = await getDataset(db, q.dataset);
  const years = q.baseYear !== undefined && q.baseYear !== q.year ? [q.year, q.baseYear] : [q.year];
  const m = await loadAnalysisMatrices(db, dataset, years, q.level);
  const r = regionIndex(m, q.region, dataset);
  const regionId = m.regionIds[r]!;
  const { matrix, regionTotals } = m.byYear.get(q.year)!;
  const base = q.baseYear !== undefined ? m.byYear.get(q.baseYear)!.matrix : undefined;
  const { lq, flags, stars } = computeClusterYear(matrix, regionTotals, m.denominatorIndustries);
  const strength = clusterStrength(matrix, flags.strong, { tradedIndustries: m.tradedIndustries });
  const width = m.industryIds.length;
  const total = regionTotals[r]!;
  const notes: AnalysisNote[] = [...illustrativeNote(dataset), ...m.notes];
  let zeroBase = 0;

  const items = m.industryIds.flatMap((industryId, i) => {
    if (industryId === UNASSIGNED) return [];
    const cell = r * width + i;
    const value = matrix.values[cell]!;
    const baseValue = base ? base.values[cell]! : null;
    let growth: number | null = null;
    if (baseValue !== null) {
      if (baseValue > 0) growth = (value - baseValue) / baseValue;
      else if (value > 0) zeroBase++;
    }
    return [
      {
        industry: industryRef(m.industries.get(industryId), industryId),
        value,
        share: total > 0 ? value / total : 0,
        locationQuotient: lq.values[cell]!,
        baseValue,
        growth,
        strong: flags.strong[cell] === 1,
        stars: stars.stars[cell]!,
      },
    ];
  });
  if (zeroBase > 0)
    notes.push({
      kind: 'zeroBase',
      message: `У ${zeroBase} отраслей в ${q.baseYear} году значение 0: рост не определён (null), а не бесконечен`,
      messageEn: `${zeroBase} industries were 0 in ${q.baseYear}: growth is null, not infinite`,
    });

  const strongClusters = items
    .filter((item) => item.strong)
    .map((item) => {
      const i = m.industryIds.indexOf(item.industry.code);
      let rank = 1;
      for (let other = 0; other < m.regionIds.length; other++)
        if (
          matrix.values[other * width + i]! > 0 &&
          lq.values[other * width + i]! > item.locationQuotient
        )
          rank++;
      return {
        industry: item.industry,
        value: item.value,
        locationQuotient: item.locationQuotient,
        stars: item.stars,
        rankByLocationQuotient: rank,
      };
    })
    .sort((a, b) => b.locationQuotient - a.locationQuotient);
  items.sort(
    (a, b) =>
      b.locationQuotient - a.locationQuotient || a.industry.code.localeCompare(b.industry.code),
  );

  return {
    dataset: datasetRef(dataset),
    region: { code: regionId, name: m.regionNames.get(regionId) ?? regionId },
    year: q.year,
    baseYear: q.baseYear ?? null,
    level: m.level,
    regionTotal: total,
    clusterStrength: {
      tradedValue: strength.tradedEmployment[r]!,
      strongValue: strength.strongEmployment[r]!,
      strength: strength.clusterStrength[r]!,
    },
    strongClusters,
    items,
    notes: [
      ...notes,
      ...coreNotes([...lq.notes, ...strength.notes], namesOf(m), { region: regionId }),
      NO_ESTABLISHMENTS_NOTE,
    ],
  };
}

/** Candidate clusters of a region: industries not strong there but related by co-location to its strong ones. */
export async function getClusterCandidates(
  db: Db,
  q: {
    dataset: number;
    year: number;
    region: string;
    minRelatedness: number;
    limit?: number | undefined;
    level?: AnalysisLevel | undefined;
  },
): Promise<ClusterCandidates> {
  const dataset = await getDataset(db, q.dataset);
  const m = await loadAnalysisMatrices(db, dataset, [q.year], q.level);
  const r = regionIndex(m, q.region, dataset);
  const regionId = m.regionIds[r]!;
  const year = m.byYear.get(q.year)!;
  // Relatedness needs shares of a region's total: only non-overlapping columns take part.
  const matrix = selectColumns(year.matrix, m.denominatorIndustries);
  const notes: AnalysisNote[] = [...illustrativeNote(dataset), ...m.notes];
  if (matrix.industryIds.length < m.industryIds.length)
    notes.push({
      kind: 'nestedCodesLeftOut',
      message: `Кандидаты ищутся среди ${matrix.industryIds.length} непересекающихся кодов верхнего уровня; вложенные коды не участвуют (их связь с родительским кодом тривиальна)`,
      messageEn: `Candidates are sought among the ${matrix.industryIds.length} non-overlapping top-level codes; nested codes take no part`,
    });
  const { lq, flags } = computeClusterYear(matrix, year.regionTotals, matrix.industryIds);
  const strong = Uint8Array.from(flags.strong);
  const unassigned = matrix.industryIds.indexOf(UNASSIGNED);
  if (unassigned >= 0)
    for (let k = 0; k < matrix.regionIds.length; k++)
      strong[k * matrix.industryIds.length + unassigned] = 0;
  const relatedness = industryRelatedness(matrix);
  const candidates = candidateClusters(
    regionId,
    { employment: matrix, locationQuotients: lq.values, strong, relatedness },
    { minimumRelatedness: q.minRelatedness },
  ).filter((c) => c.industryId !== UNASSIGNED);
  const ref = (code: string) => industryRef(m.industries.get(code), code);
  const width = matrix.industryIds.length;
  const strongIndustries = matrix.industryIds
    .filter((_, i) => strong[r * width + i] === 1)
    .map(ref);
  if (strongIndustries.length === 0)
    notes.push({
      kind: 'noStrongIndustries',
      message: `У региона «${m.regionNames.get(regionId) ?? regionId}» нет сильных отраслей в ${q.year} году: кандидатов, связанных с ними, нет`,
      messageEn: `The region has no strong industries in ${q.year}: there are no candidates related to them`,
    });
  for (const note of relatedness.notes)
    if (note.kind === 'zeroVariance' && note.industryId !== UNASSIGNED)
      notes.push({
        kind: 'zeroVariance',
        message: `Доля отрасли «${ref(note.industryId).name}» одинакова во всех регионах: её связанность не определена и принята за 0`,
        messageEn: `Industry "${note.industryId}" has the same share everywhere: its relatedness is undefined, taken as 0`,
      });
  const items = (q.limit === undefined ? candidates : candidates.slice(0, q.limit)).map((c) => ({
    industry: ref(c.industryId),
    score: c.score,
    locationQuotient: c.locationQuotient,
    value: c.employment,
    relatedStrongIndustries: c.relatedStrongIndustries.map((s) => ({
      industry: ref(s.industryId),
      relatedness: s.relatedness,
    })),
  }));
  return {
    dataset: datasetRef(dataset),
    region: { code: regionId, name: m.regionNames.get(regionId) ?? regionId },
    year: q.year,
    level: m.level,
    minRelatedness: q.minRelatedness,
    regionsCounted: relatedness.regionsCounted,
    strongIndustries,
    items,
    notes: [...notes, NO_ESTABLISHMENTS_NOTE],
  };
}
