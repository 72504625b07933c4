/** What other features may use of support (regulations as data): its public surface. */
export {
  ruleSetForCheck,
  listRuleSets,
  getRuleSet,
  type RuleSetInUse,
} from './rule-set.service.ts';
export {
  listTerritoryFlags,
  territoriesOfParticipants,
  SHIPPED_TERRITORY_LISTS,
} from './territory-flag.service.ts';
export { supportRoutes } from './support.routes.ts';
export { calculateMeasureSubsidy, listSupportMeasures } from './support-measure.service.ts';
