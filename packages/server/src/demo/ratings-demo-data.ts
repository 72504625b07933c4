import { sezEsg, type Methodology } from '@promatlas/core/ratings/index.ts';

/**
 * Illustrative indicator values for the three SEZs the seeds and PRODUCT.md
 * name (ОЭЗ «Липецк», ОЭЗ «Технополис «Москва»», ОЭЗ «Архыз»), so that a
 * computed rating edition shows something on a fresh machine.
 *
 * THESE NUMBERS ARE NOT REAL. They were made up to be plausible in order of
 * magnitude only; no source reports them. They live in the dataset
 * 'illustrative' with provenance 'illustrative', and every edition computed
 * on them carries «Иллюстративные данные» in its label.
 */
export const ILLUSTRATIVE_SOURCE_TEXT =
  'Иллюстративные данные PromAtlas: вымышленные значения для демонстрации расчёта рейтинга, не реальные показатели ОЭЗ';

/** Site names (as in demo-data.ts) in the column order of the tables below. */
export const ILLUSTRATIVE_SITES = [
  'ОЭЗ «Липецк»',
  'ОЭЗ «Технополис «Москва»»',
  'ОЭЗ «Архыз»',
] as const;

type Triple = [number, number, number];

/** ESG indicators (sez_esg), 2023 and 2024. */
const ESG: Record<string, { 2023: Triple; 2024: Triple }> = {
  env_management_certified: { 2023: [45, 30, 10], 2024: [50, 32, 14] },
  waste_recovery: { 2023: [62, 48, 20], 2024: [66, 50, 35] },
  ghg_intensity: { 2023: [38, 12, 6], 2024: [36, 11, 6] },
  renewable_energy_share: { 2023: [4, 6, 15], 2024: [5, 7, 18] },
  water_recycling: { 2023: [55, 40, 10], 2024: [58, 42, 12] },
  green_area_share: { 2023: [18, 22, 70], 2024: [18, 23, 70] },
  jobs_created: { 2023: [8500, 6200, 900], 2024: [9100, 6800, 1100] },
  wage_to_regional_average: { 2023: [160, 175, 110], 2024: [162, 170, 118] },
  injury_frequency: { 2023: [0.8, 0.3, 1.2], 2024: [0.7, 0.3, 1.0] },
  training_partnerships: { 2023: [70, 85, 30], 2024: [72, 86, 45] },
  worker_social_infrastructure: { 2023: [3, 3, 2], 2024: [4, 3, 2] },
  community_projects: { 2023: [12, 8, 5], 2024: [12, 9, 9] },
  sustainability_strategy: { 2023: [2, 1, 1], 2024: [2, 1, 2] },
  sustainability_reporting: { 2023: [2, 1, 0], 2024: [2, 1, 1] },
  residents_reporting_esg: { 2023: [25, 30, 5], 2024: [28, 31, 12] },
  financial_openness: { 2023: [4, 3, 2], 2024: [4, 3, 3] },
  anti_corruption: { 2023: [2, 2, 1], 2024: [2, 2, 2] },
  resident_satisfaction: { 2023: [88, 84, 75], 2024: [89, 83, 86] },
};

/** Investment-attractiveness indicators (sez_investment_attractiveness) not shared with ESG, 2024. */
const INVESTMENT_2024: Record<string, Triple> = {
  investment_volume: [190000, 150000, 25000],
  investment_per_hectare: [158, 520, 18],
  residents_count: [57, 120, 25],
  residents_revenue: [310000, 260000, 4000],
  budget_return: [2.4, 3.1, 0.6],
  occupancy: [78, 92, 40],
  infrastructure_availability: [95, 98, 70],
  free_power_capacity: [120, 35, 15],
  connection_time: [45, 60, 120],
  tax_burden: [12, 14, 15],
  land_rent: [60, 900, 150],
  transport_access: [10, 5, 60],
  free_serviced_land: [450, 20, 300],
  strategic_planning: [3, 3, 2],
  innovation_social_infrastructure: [4, 5, 2],
  industrial_cooperation: [35, 25, 5],
  resident_services: [3, 3, 2],
};

export interface IllustrativeValue {
  site: (typeof ILLUSTRATIVE_SITES)[number];
  indicator: string;
  year: number;
  value: number;
}

export const ILLUSTRATIVE_VALUES: IllustrativeValue[] = [
  ...Object.entries(ESG).flatMap(([indicator, years]) =>
    ([2023, 2024] as const).flatMap((year) =>
      years[year].map((value, k) => ({ site: ILLUSTRATIVE_SITES[k]!, indicator, year, value })),
    ),
  ),
  ...Object.entries(INVESTMENT_2024).flatMap(([indicator, values]) =>
    values.map((value, k) => ({ site: ILLUSTRATIVE_SITES[k]!, indicator, year: 2024, value })),
  ),
];

/**
 * A second version of PromAtlas's ESG methodology in which all SEZs form one
 * peer group, as in the association's ESG rating (24 SEZs in one table). With
 * only three named SEZs, one per SEZ type, the default per-type peer groups
 * would give each zone a table of its own; this version shows a real ranking,
 * explanation and comparison — and that a new version sits beside the old one.
 */
export const SEZ_ESG_ONE_PEER_GROUP: Methodology = {
  ...sezEsg,
  version: `${sezEsg.version}-all-sez`,
  title: `${sezEsg.title}: все ОЭЗ в одной группе сравнения (демонстрационная версия)`,
  description: `${sezEsg.description} Демонстрационная версия: все ОЭЗ сравниваются в одной таблице, как в ESG-рейтинге АКИТ РФ; показатели и веса — как в версии ${sezEsg.version}.`,
  peerGroups: { basis: 'все ОЭЗ вместе, без деления по типам', groups: [] },
};

/** Editions computed by the demo: methodology (code, version) + year, all on the illustrative dataset. */
export const ILLUSTRATIVE_EDITIONS: { code: string; version: string; year: number }[] = [
  { code: 'sez_investment_attractiveness', version: '2025.1', year: 2024 },
  { code: 'sez_esg', version: SEZ_ESG_ONE_PEER_GROUP.version, year: 2023 },
  { code: 'sez_esg', version: SEZ_ESG_ONE_PEER_GROUP.version, year: 2024 },
];

/** Registry ratings and the PromAtlas methodology family each is computed with. */
export const RATING_METHODOLOGIES: Record<string, string> = {
  'akit-sez-investment': 'sez_investment_attractiveness',
  'akit-sez-esg': 'sez_esg',
};
