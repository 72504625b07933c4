/**
 * The API contract: each route's method, path, parameters, query, body and
 * response declared once. The server registers its routes from these entries
 * (path and schemas), the web client builds URLs and reads responses from
 * them, so a wrong path, parameter or field fails the typecheck on both sides.
 *
 * The entries live by feature in contract/; this module gathers them.
 */
import * as accounts from './contract/accounts.ts';
import * as clusters from './contract/clusters.ts';
import * as cooperation from './contract/cooperation.ts';
import * as intake from './contract/intake.ts';
import * as editing from './contract/editing.ts';
import * as ratings from './contract/ratings.ts';
import * as registry from './contract/registry.ts';
import * as plans from './contract/plans.ts';
import * as projects from './contract/projects.ts';
import * as programmeWork from './contract/programme-work.ts';
import * as support from './contract/support.ts';

export * from './contract/kit.ts';
export * from './contract/accounts.ts';
export * from './contract/clusters.ts';
export * from './contract/cooperation.ts';
export * from './contract/intake.ts';
export * from './contract/editing.ts';
export * from './contract/ratings.ts';
export * from './contract/registry.ts';
export * from './contract/plans.ts';
export * from './contract/projects.ts';
export * from './contract/programme-work.ts';
export * from './contract/support.ts';

const { organisationWrites, personWrites, siteWrites, clusterWrites } = editing;

/** Every route of the contract, by name (the web client and the contract test iterate it). */
export const contract = {
  // registry reads
  search: registry.searchRoute,
  listOrganisations: registry.listOrganisationsRoute,
  getOrganisation: registry.getOrganisationRoute,
  similarOrganisations: registry.similarOrganisationsRoute,
  listRegions: registry.listRegionsRoute,
  getRegion: registry.getRegionRoute,
  mapSites: registry.mapSitesRoute,
  mapRegions: registry.mapRegionsRoute,
  listPeople: registry.listPeopleRoute,
  getPerson: registry.getPersonRoute,
  listSites: registry.listSitesRoute,
  getSite: registry.getSiteRoute,
  listClusters: registry.listClustersRoute,
  getCluster: registry.getClusterRoute,
  listEvents: registry.listEventsRoute,
  getEvent: registry.getEventRoute,
  listAgreements: registry.listAgreementsRoute,
  getAgreement: registry.getAgreementRoute,
  listActionPlans: registry.listActionPlansRoute,
  getActionPlan: registry.getActionPlanRoute,
  listProjects: registry.listProjectsRoute,
  getProject: registry.getProjectRoute,
  listSources: registry.listSourcesRoute,
  getSource: registry.getSourceRoute,
  listOkved: registry.listOkvedRoute,
  // registry writes
  createOrganisation: organisationWrites.create,
  updateOrganisation: organisationWrites.update,
  deleteOrganisation: organisationWrites.remove,
  restoreOrganisation: organisationWrites.restore,
  createPerson: personWrites.create,
  updatePerson: personWrites.update,
  deletePerson: personWrites.remove,
  restorePerson: personWrites.restore,
  createSite: siteWrites.create,
  updateSite: siteWrites.update,
  deleteSite: siteWrites.remove,
  restoreSite: siteWrites.restore,
  createCluster: clusterWrites.create,
  updateCluster: clusterWrites.update,
  deleteCluster: clusterWrites.remove,
  restoreCluster: clusterWrites.restore,
  addPosition: editing.addPositionRoute,
  deletePosition: editing.deletePositionRoute,
  addClusterMember: editing.addClusterMemberRoute,
  deleteClusterMember: editing.deleteClusterMemberRoute,
  createStatement: editing.createStatementRoute,
  deleteStatement: editing.deleteStatementRoute,
  createSource: editing.createSourceRoute,
  history: editing.historyRoute,
  // accounts and audit
  login: accounts.loginRoute,
  logout: accounts.logoutRoute,
  me: accounts.meRoute,
  changePassword: accounts.changePasswordRoute,
  totpEnrol: accounts.totpEnrolRoute,
  totpConfirm: accounts.totpConfirmRoute,
  totpDisable: accounts.totpDisableRoute,
  mySessions: accounts.mySessionsRoute,
  endMySession: accounts.endMySessionRoute,
  endMyOtherSessions: accounts.endMyOtherSessionsRoute,
  listUsers: accounts.listUsersRoute,
  createUser: accounts.createUserRoute,
  updateUser: accounts.updateUserRoute,
  unlockUser: accounts.unlockUserRoute,
  userSessions: accounts.userSessionsRoute,
  endUserSession: accounts.endUserSessionRoute,
  endUserSessions: accounts.endUserSessionsRoute,
  audit: accounts.auditRoute,
  auditExport: accounts.auditExportRoute,
  // cluster analysis and datasets
  clusterMap: clusters.clusterMapRoute,
  clusterMapExport: clusters.clusterMapExportRoute,
  clusterPortfolio: clusters.clusterPortfolioRoute,
  clusterPortfolioExport: clusters.clusterPortfolioExportRoute,
  clusterCandidates: clusters.clusterCandidatesRoute,
  clusterCandidatesExport: clusters.clusterCandidatesExportRoute,
  listDatasets: clusters.listDatasetsRoute,
  getDataset: clusters.getDatasetRoute,
  datasetSummary: clusters.datasetSummaryRoute,
  datasetQuarantine: clusters.datasetQuarantineRoute,
  createDataset: clusters.createDatasetRoute,
  importIntoDataset: clusters.importIntoDatasetRoute,
  deleteDataset: clusters.deleteDatasetRoute,
  upload: clusters.uploadRoute,
  // ratings
  listMethodologies: ratings.listMethodologiesRoute,
  getMethodology: ratings.getMethodologyRoute,
  createMethodology: ratings.createMethodologyRoute,
  listEditions: ratings.listEditionsRoute,
  computeEdition: ratings.computeEditionRoute,
  compareEditions: ratings.compareEditionsRoute,
  getEdition: ratings.getEditionRoute,
  explainObject: ratings.explainObjectRoute,
  editionSensitivity: ratings.editionSensitivityRoute,
  whatIf: ratings.whatIfRoute,
  exportEdition: ratings.exportEditionRoute,
  listIndicatorValues: ratings.listIndicatorValuesRoute,
  importIndicatorValues: ratings.importIndicatorValuesRoute,
  // cluster cooperation and the industrial-cluster check
  clusterCooperation: cooperation.clusterCooperationRoute,
  clusterCompliance: cooperation.clusterComplianceRoute,
  getContract: cooperation.getContractRoute,
  createContract: cooperation.createContractRoute,
  updateContract: cooperation.updateContractRoute,
  deleteContract: cooperation.deleteContractRoute,
  createPurchase: cooperation.createPurchaseRoute,
  updatePurchase: cooperation.updatePurchaseRoute,
  deletePurchase: cooperation.deletePurchaseRoute,
  supplierSearch: cooperation.supplierSearchRoute,
  clusterSupplierGaps: cooperation.clusterSupplierGapsRoute,
  clusterRegistryStatus: cooperation.clusterRegistryStatusRoute,
  updateClusterRegistryStatus: cooperation.updateClusterRegistryStatusRoute,
  // document intake
  createIntakeDocument: intake.createIntakeDocumentRoute,
  listIntakeDocuments: intake.listIntakeDocumentsRoute,
  getIntakeReview: intake.getIntakeReviewRoute,
  decideIntakeProposals: intake.decideIntakeProposalsRoute,
  // action plans at work
  planPage: plans.planPageRoute,
  planTimeline: plans.planTimelineRoute,
  createActionPlan: plans.createActionPlanRoute,
  updateActionPlan: plans.updateActionPlanRoute,
  deleteActionPlan: plans.deleteActionPlanRoute,
  restoreActionPlan: plans.restoreActionPlanRoute,
  createMeasure: plans.createMeasureRoute,
  getMeasure: plans.getMeasureRoute,
  updateMeasure: plans.updateMeasureRoute,
  deleteMeasure: plans.deleteMeasureRoute,
  restoreMeasure: plans.restoreMeasureRoute,
  addMeasureReport: plans.addReportRoute,
  deleteMeasureReport: plans.deleteReportRoute,
  // project editing
  createProject: projects.createProjectRoute,
  updateProject: projects.updateProjectRoute,
  deleteProject: projects.deleteProjectRoute,
  restoreProject: projects.restoreProjectRoute,
  // programmes at work: events, agreements and the tasks made of them
  createEvent: programmeWork.eventWrites.create,
  updateEvent: programmeWork.eventWrites.update,
  deleteEvent: programmeWork.eventWrites.remove,
  restoreEvent: programmeWork.eventWrites.restore,
  eventWork: programmeWork.eventWorkRoute,
  addEventParticipant: programmeWork.addEventParticipantRoute,
  removeEventParticipant: programmeWork.removeEventParticipantRoute,
  addEventDecision: programmeWork.addEventDecisionRoute,
  updateEventDecision: programmeWork.updateEventDecisionRoute,
  removeEventDecision: programmeWork.removeEventDecisionRoute,
  decisionTask: programmeWork.decisionTaskRoute,
  createAgreement: programmeWork.agreementWrites.create,
  updateAgreement: programmeWork.agreementWrites.update,
  deleteAgreement: programmeWork.agreementWrites.remove,
  restoreAgreement: programmeWork.agreementWrites.restore,
  agreementWork: programmeWork.agreementWorkRoute,
  addAgreementDirection: programmeWork.addAgreementDirectionRoute,
  updateAgreementDirection: programmeWork.updateAgreementDirectionRoute,
  removeAgreementDirection: programmeWork.removeAgreementDirectionRoute,
  restoreAgreementDirection: programmeWork.restoreAgreementDirectionRoute,
  createTask: programmeWork.createTaskRoute,
  getTask: programmeWork.getTaskRoute,
  updateTask: programmeWork.updateTaskRoute,
  myTasks: programmeWork.myTasksRoute,
  regionProgrammes: programmeWork.regionProgrammesRoute,
  createPlanOfEvent: programmeWork.createPlanOfEventRoute,
  linkPlanToEvent: programmeWork.linkPlanToEventRoute,
  calendarFeed: programmeWork.calendarFeedRoute,
  // regulations as data: rule sets, support measures, territory flags, awards
  listClusterRuleSets: support.listClusterRuleSetsRoute,
  getClusterRuleSet: support.getClusterRuleSetRoute,
  createClusterRuleSet: support.createClusterRuleSetRoute,
  updateClusterRuleSet: support.updateClusterRuleSetRoute,
  listSupportMeasures: support.listSupportMeasuresRoute,
  getSupportMeasure: support.getSupportMeasureRoute,
  updateSupportMeasureTerms: support.updateSupportMeasureTermsRoute,
  calculateSubsidy: support.calculateSubsidyRoute,
  listTerritoryFlags: support.listTerritoryFlagsRoute,
  createTerritoryFlag: support.createTerritoryFlagRoute,
  updateTerritoryFlag: support.updateTerritoryFlagRoute,
  deleteTerritoryFlag: support.deleteTerritoryFlagRoute,
  importTerritoryFlags: support.importTerritoryFlagsRoute,
  createSupportAward: support.createSupportAwardRoute,
  updateSupportAward: support.updateSupportAwardRoute,
} as const;
export type Contract = typeof contract;
