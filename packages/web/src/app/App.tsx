import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './Layout.tsx';
import { MapPage } from '../features/map/MapPage.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';
import { lazyPages } from './lazy-page.tsx';

// Every route but the map is split out so the first page carries only MapLibre and the shell.
// Each feature's read pages are one chunk; its create and edit forms, which carry the
// shared zod schemas, another one.
const organisations = lazyPages(() => import('../features/organisations/pages.ts'));
const organisationForms = lazyPages(() => import('../features/organisations/forms.ts'));
const people = lazyPages(() => import('../features/people/pages.ts'));
const personForms = lazyPages(() => import('../features/people/forms.ts'));
const sites = lazyPages(() => import('../features/sites/pages.ts'));
const siteForms = lazyPages(() => import('../features/sites/forms.ts'));
const clusters = lazyPages(() => import('../features/clusters/pages.ts'));
const clusterForms = lazyPages(() => import('../features/clusters/forms.ts'));
// Cluster analysis: its pages load ECharts only inside the portfolio chart.
const clusterAnalysis = lazyPages(() => import('../features/clusters/analytics/pages.ts'));
const regulations = lazyPages(() => import('../features/clusters/support/pages.ts'));
const suppliers = lazyPages(() => import('../features/clusters/suppliers/pages.ts'));
const regions = lazyPages(() => import('../features/regions/pages.ts'));
const programmes = lazyPages(() => import('../features/programmes/pages.ts'));
const programmeForms = lazyPages(() => import('../features/programmes/forms.ts'));
const sources = lazyPages(() => import('../features/sources/pages.ts'));
const registryImport = lazyPages(
  () => import('../features/registry-import/RegistryImportPage.tsx'),
);
const search = lazyPages(() => import('../features/search/SearchPage.tsx'));
// Ratings carry ECharts and core's rating engine: loaded only on /ratings pages.
const ratings = lazyPages(() => import('../features/ratings/pages.ts'));
const signIn = lazyPages(() => import('../features/auth/SignInPage.tsx'));
const account = lazyPages(() => import('../features/account/AccountPages.tsx'));
const admin = lazyPages(() => import('../features/admin/pages.ts'));
const intake = lazyPages(() => import('../features/intake/pages.ts'));
// Printable reports: outside the shell, so the printed page is the report alone.
const reports = lazyPages(() => import('../features/reports/pages.ts'));

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route path="reports/:kind/:key" element={reports('ReportPage')} />
        <Route path="reports/cluster/:key" element={reports('ClusterPassportPage')} />
        <Route element={<Layout />}>
          <Route index element={<MapPage />} />
          <Route path="search" element={search('SearchPage')} />
          <Route path="organisations" element={organisations('OrganisationsList')} />
          <Route path="organisations/new" element={organisationForms('OrganisationCreatePage')} />
          <Route path="organisations/:id" element={organisations('OrganisationProfile')} />
          <Route
            path="organisations/:id/edit"
            element={organisationForms('OrganisationEditPage')}
          />
          <Route path="people" element={people('PeopleList')} />
          <Route path="people/new" element={personForms('PersonCreatePage')} />
          <Route path="people/:id" element={people('PersonProfile')} />
          <Route path="people/:id/edit" element={personForms('PersonEditPage')} />
          <Route path="sites" element={sites('SitesList')} />
          <Route path="sites/new" element={siteForms('SiteCreatePage')} />
          <Route path="sites/:id" element={sites('SiteProfile')} />
          <Route path="sites/:id/edit" element={siteForms('SiteEditPage')} />
          <Route path="clusters" element={clusters('ClustersList')} />
          <Route path="clusters/new" element={clusterForms('ClusterCreatePage')} />
          <Route path="clusters/:id" element={clusters('ClusterProfile')} />
          <Route path="clusters/:id/edit" element={clusterForms('ClusterEditPage')} />
          <Route path="suppliers" element={suppliers('SupplierSearchPage')} />
          <Route path="regions" element={regions('RegionsList')} />
          <Route path="regions/:code" element={regions('RegionProfile')} />
          <Route path="events" element={programmes('EventsList')} />
          <Route path="events/new" element={programmeForms('EventCreatePage')} />
          <Route path="events/:id" element={programmes('EventProfile')} />
          <Route path="events/:id/edit" element={programmeForms('EventEditPage')} />
          <Route path="agreements" element={programmes('AgreementsList')} />
          <Route path="agreements/new" element={programmeForms('AgreementCreatePage')} />
          <Route path="agreements/:id" element={programmes('AgreementProfile')} />
          <Route path="agreements/:id/edit" element={programmeForms('AgreementEditPage')} />
          <Route path="calendar" element={programmes('CalendarPage')} />
          <Route path="action-plans" element={programmes('ActionPlansList')} />
          <Route path="action-plans/:id" element={programmes('ActionPlanProfile')} />
          <Route path="action-plans/:id/work" element={programmes('PlanWorkPage')} />
          <Route path="action-plans/new" element={programmes('PlanCreatePage')} />
          <Route path="my-tasks" element={programmes('MyTasksPage')} />
          <Route path="regions/:code/programmes" element={programmes('RegionDashboardPage')} />
          <Route path="programmes/regions" element={programmes('RegionDashboardPage')} />
          <Route path="projects" element={programmes('ProjectsList')} />
          <Route path="projects/:id" element={programmes('ProjectProfile')} />
          <Route path="projects/new" element={programmes('ProjectCreatePage')} />
          <Route path="projects/:id/edit" element={programmes('ProjectEditPage')} />
          <Route path="sources" element={sources('SourcesList')} />
          <Route path="sources/:id" element={sources('SourcePage')} />
          <Route path="registry/import" element={registryImport('RegistryImportPage')} />
          <Route path="analytics/clusters" element={clusterAnalysis('ClusterMapPage')} />
          <Route
            path="analytics/clusters/regions/:code"
            element={clusterAnalysis('RegionPortfolioPage')}
          />
          <Route path="analytics/datasets" element={clusterAnalysis('DatasetsPage')} />
          <Route path="ratings" element={ratings('RatingsPage')} />
          <Route path="ratings/editions/:id" element={ratings('EditionPage')} />
          <Route path="ratings/editions/:id/weights" element={ratings('WeightsEditorPage')} />
          <Route path="ratings/methodologies/:id" element={ratings('MethodologyPage')} />
          <Route path="ratings/compare" element={ratings('ComparePage')} />
          <Route path="ratings/import" element={ratings('ImportValuesPage')} />
          <Route path="login" element={signIn('SignInPage')} />
          <Route path="admin/users" element={admin('UsersPage')} />
          <Route path="account/password" element={account('ChangePasswordPage')} />
          <Route path="account/totp" element={account('TotpPage')} />
          <Route path="account/sessions" element={account('SessionsPage')} />
          <Route path="admin/users/:id/sessions" element={account('SessionsPage')} />
          <Route path="admin/audit" element={admin('AuditPage')} />
          <Route path="intake" element={intake('IntakePage')} />
          <Route path="regulations" element={regulations('RuleSetsPage')} />
          <Route path="support" element={regulations('SubsidyCalculatorPage')} />
          <Route path="intake/:id" element={intake('IntakeReviewPage')} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
