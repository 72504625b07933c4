import type { Migration } from 'kysely/migration';
import * as m1000 from './20261122T1000-extensions-and-helpers.ts';
import * as m1010 from './20261122T1010-reference-tables.ts';
import * as m1020 from './20261122T1020-sources.ts';
import * as m1030 from './20261122T1030-organisations-and-people.ts';
import * as m1040 from './20261122T1040-sites-and-clusters.ts';
import * as m1050 from './20261122T1050-programmes.ts';
import * as m1060 from './20261122T1060-ratings-and-statements.ts';
import * as m1200 from './20261122T1200-accounts-and-audit.ts';
import * as m1210 from './20261122T1210-search-and-list-indexes.ts';
import * as m1300 from './20261122T1300-statistical-datasets.ts';
import * as m1310 from './20261122T1310-dataset-import-quarantine.ts';
import * as m1320 from './20261122T1320-cluster-categories.ts';
import * as m1400 from './20261122T1400-rating-methodologies.ts';
import * as m1410 from './20261122T1410-rating-editions.ts';
import * as m1420 from './20261122T1420-rating-indicator-values.ts';
import * as m1430 from './20261122T1430-rating-edition-results.ts';
import * as m0930signin from './20261201T0930-signin.ts';
import * as m20261201T0955 from './20261201T0955-statistics-classifiers.ts';
import * as m20261201T1030 from './20261201T1030-dataset-import-pending.ts';
import * as m20261201T1045vocabulary from './20261201T1045-vocabulary.ts';
import * as m20261201T1300programmes from './20261201T1300-programmes.ts';
import * as m20261201T1300intake from './20261201T1300-intake.ts';
import * as m20261201T1305registryImport from './20261201T1305-registry-import.ts';
import * as m20261201T1310cooperation from './20261201T1310-cooperation.ts';
import * as m20261201T1400projectEditing from './20261201T1400-project-editing.ts';
import * as m20261201T1500changeFeed from './20261201T1500-change-feed.ts';
import * as m20261201T1500registryImportEntities from './20261201T1500-registry-import-entities.ts';
import * as m20261201T1500supplierSearch from './20261201T1500-supplier-search.ts';
import * as m20261201T1500supportRules from './20261201T1500-support-rules.ts';
import * as m20261201T1600measureReportLatest from './20261201T1600-measure-report-latest.ts';
import * as m20261201T1600nationalReads from './20261201T1600-national-reads.ts';
import * as m20261201T1930organisationVisiblePoint from './20261201T1930-organisation-visible-point.ts';
import * as m20261201T2130supplierCandidates from './20261201T2130-supplier-candidates.ts';

/**
 * Every migration, keyed by its timestamped file name. Listed statically so
 * the same code runs under tsx, vitest and any bundler; migrations.test.ts
 * fails when a file in this folder is missing here.
 */
export const MIGRATIONS: Record<string, Migration> = {
  '20261122T1000-extensions-and-helpers': m1000,
  '20261122T1010-reference-tables': m1010,
  '20261122T1020-sources': m1020,
  '20261122T1030-organisations-and-people': m1030,
  '20261122T1040-sites-and-clusters': m1040,
  '20261122T1050-programmes': m1050,
  '20261122T1060-ratings-and-statements': m1060,
  '20261122T1200-accounts-and-audit': m1200,
  '20261122T1210-search-and-list-indexes': m1210,
  '20261122T1300-statistical-datasets': m1300,
  '20261122T1310-dataset-import-quarantine': m1310,
  '20261122T1320-cluster-categories': m1320,
  '20261122T1400-rating-methodologies': m1400,
  '20261122T1410-rating-editions': m1410,
  '20261122T1420-rating-indicator-values': m1420,
  '20261122T1430-rating-edition-results': m1430,
  '20261201T0930-signin': m0930signin,
  '20261201T0955-statistics-classifiers': m20261201T0955,
  '20261201T1030-dataset-import-pending': m20261201T1030,
  '20261201T1045-vocabulary': m20261201T1045vocabulary,
  '20261201T1300-intake': m20261201T1300intake,
  '20261201T1300-programmes': m20261201T1300programmes,
  '20261201T1305-registry-import': m20261201T1305registryImport,
  '20261201T1310-cooperation': m20261201T1310cooperation,
  '20261201T1400-project-editing': m20261201T1400projectEditing,
  '20261201T1500-change-feed': m20261201T1500changeFeed,
  '20261201T1500-registry-import-entities': m20261201T1500registryImportEntities,
  '20261201T1500-supplier-search': m20261201T1500supplierSearch,
  '20261201T1500-support-rules': m20261201T1500supportRules,
  '20261201T1600-measure-report-latest': m20261201T1600measureReportLatest,
  '20261201T1600-national-reads': m20261201T1600nationalReads,
  '20261201T1930-organisation-visible-point': m20261201T1930organisationVisiblePoint,
  '20261201T2130-supplier-candidates': m20261201T2130supplierCandidates,
};
