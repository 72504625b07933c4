// Cluster categories: PromAtlas's default traded/local grouping of ОКВЭД2 and
// aggregation of ОКВЭД2 data into categories. One function per file.
export { aggregateToCategories } from './aggregateToCategories.ts';
export type {
  AggregateToCategoriesNote,
  AggregateToCategoriesOptions,
  AggregateToCategoriesResult,
} from './aggregateToCategories.ts';
export { clusterCategoryOfOkved } from './clusterCategoryOfOkved.ts';
export { DEFAULT_CLUSTER_CATEGORIES } from './default-cluster-categories.ts';
export type {
  ClusterCategoryDefinition,
  ClusterCategoryType,
} from './default-cluster-categories.ts';
export { nearestPresentAncestors } from './nearestPresentAncestors.ts';
