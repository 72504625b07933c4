import type {
  ClusterStarsNote,
  LocationQuotientNote,
  StrongClustersNote,
  ClusterStrengthNote,
} from '@promatlas/core/analytics/index.ts';

/** A note on a computation, in Russian and English (zero totals and the like). */
export interface AnalysisNote {
  kind: string;
  message: string;
  messageEn: string;
}

type Named = (code: string) => string;

/** Core notes as API notes, keeping only those about the rows shown (`industry`/`region` filters). */
export function coreNotes(
  notes: readonly (
    LocationQuotientNote | StrongClustersNote | ClusterStarsNote | ClusterStrengthNote
  )[],
  names: { region: Named; industry: Named },
  keep: { industry?: string; region?: string } = {},
): AnalysisNote[] {
  const out: AnalysisNote[] = [];
  for (const note of notes) {
    if ('industryId' in note && keep.industry !== undefined && note.industryId !== keep.industry)
      continue;
    if ('regionId' in note && keep.region !== undefined && note.regionId !== keep.region) continue;
    switch (note.kind) {
      case 'zeroRegionTotal':
        out.push({
          kind: note.kind,
          message: `У региона «${names.region(note.regionId)}» итог равен 0: его коэффициенты локализации и доли равны 0`,
          messageEn: `Region "${note.regionId}" has a zero total: its location quotients and shares are 0`,
        });
        break;
      case 'zeroIndustryTotal':
        out.push({
          kind: note.kind,
          message: `У отрасли «${names.industry(note.industryId)}» нулевой итог по стране: её коэффициенты локализации равны 0`,
          messageEn: `Industry "${note.industryId}" has a zero national total: its location quotients are 0`,
        });
        break;
      case 'zeroTotal':
        out.push({
          kind: note.kind,
          message: 'Общий итог равен 0: все коэффициенты локализации равны 0',
          messageEn: 'The grand total is 0: every location quotient is 0',
        });
        break;
      case 'missingReferenceIndustry':
        break;
      case 'noQualifyingRegions':
      case 'noRegionsWithEmployment':
        if (
          out.some(
            (n) =>
              n.kind === 'noQualifyingRegions' &&
              n.message.includes(`«${names.industry(note.industryId)}»`),
          )
        )
          break;
        out.push({
          kind: 'noQualifyingRegions',
          message: `У отрасли «${names.industry(note.industryId)}» нет регионов со значением > 0: пороги не определены, сильных кластеров и звёзд нет`,
          messageEn: `Industry "${note.industryId}" has no region with a value > 0: no thresholds, strong clusters or stars`,
        });
        break;
      case 'zeroTradedEmployment':
        out.push({
          kind: note.kind,
          message: `У региона «${names.region(note.regionId)}» нет значений в торгуемых отраслях: сила кластеров равна 0`,
          messageEn: `Region "${note.regionId}" has nothing in traded industries: cluster strength is 0`,
        });
        break;
    }
  }
  return out;
}

export const NO_ESTABLISHMENTS_NOTE: AnalysisNote = {
  kind: 'sizeBySingleMeasure',
  message:
    'Сильный кластер определяется по одному показателю набора: условие «число предприятий выше 25-го процентиля» U.S. Cluster Mapping не применяется',
  messageEn:
    'Strong clusters use the dataset’s single measure: CMP’s establishments condition is not applied',
};
