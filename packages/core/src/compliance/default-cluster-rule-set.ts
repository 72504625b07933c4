import type { ClusterRuleSet } from './cluster-rule-set.schema.ts';

/**
 * ПП РФ № 779 of 31.07.2015 «О промышленных кластерах и специализированных
 * организациях промышленных кластеров», as PromAtlas ships it. Plain JSON data:
 * a deployment edits a copy and stores it as a new version; nothing in the
 * check hard-codes these numbers.
 *
 * - cooperation: every participant has a cooperation contract with another
 *   participant (joint import-substitution project, supply of cluster products,
 *   production works or services, SPIC with supply obligations); at most 3 may
 *   have none, and only within 3 years of joining;
 * - functional dependence ≥ 20 %, or ≥ 10 % when at least 30 % of participants
 *   are in regions with individual development programmes, geostrategic
 *   territories or single-industry towns;
 * - composition of 10 industrial enterprises plus infrastructure: commonly cited,
 *   NOT verified against the text of the regulation (verified: false);
 * - a specialised organisation of the cluster;
 * - a Minpromtorg compliance decision is valid for 5 years.
 */
export const DEFAULT_CLUSTER_RULE_SET: ClusterRuleSet = {
  id: 'pp779',
  version: '2015-07-31.1',
  title: 'Требования к промышленному кластеру (ПП РФ № 779)',
  titleEn: 'Industrial cluster requirements (Government Decree No. 779)',
  regulation: {
    reference: 'Постановление Правительства РФ от 31.07.2015 № 779',
    referenceEn: 'Decree of the Government of the Russian Federation No. 779 of 31 July 2015',
    url: null,
  },
  cooperation: {
    eligibleContractTypes: ['import_substitution_project', 'supply', 'production_services', 'spic'],
    maxParticipantsWithoutContract: 3,
    gracePeriodYears: 3,
  },
  functionalDependence: {
    threshold: 0.2,
    reducedThreshold: 0.1,
    flaggedTerritoryShare: 0.3,
    flaggedTerritories: ['individual_programme', 'geostrategic', 'monotown'],
  },
  composition: {
    minIndustrialEnterprises: 10,
    minInfrastructureOrganisations: 1,
    infrastructureKinds: ['infrastructure'],
    verified: false,
    note: 'Не сверено с текстом постановления: минимальный состав приводится в открытых источниках, проверьте по действующей редакции',
    noteEn:
      'Not verified against the text of the regulation: the minimum composition is commonly cited; check the current wording',
  },
  specialisedOrganisation: { required: true, kinds: ['specialised_organisation'] },
  decision: { validityYears: 5 },
};
