import { lazy, Suspense, type ComponentType } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { Layout } from './Layout.tsx';
import { MapPage } from '../map/MapPage.tsx';
import { Loading } from '../components/common.tsx';
import { NotFoundPage } from './NotFoundPage.tsx';

// Every route but the map is split out so the first page carries only MapLibre and the shell.
function page(load: () => Promise<Record<string, ComponentType>>, name: string) {
  const Component = lazy(async () => ({ default: (await load())[name]! }));
  return (
    <Suspense fallback={<Loading />}>
      <Component />
    </Suspense>
  );
}

const lists = () => import('../pages/lists/lists.tsx');
const profiles = () => import('../pages/profiles/profiles.ts');
// Create and edit forms carry the shared zod schemas: never in the first page.
const editing = () => import('../editing/pages.ts');
// Ratings carry ECharts and core's rating engine: loaded only on /ratings pages.
const ratings = () => import('../pages/ratings/ratings.ts');
// Cluster analysis (issue 4): its pages load ECharts only inside the portfolio chart.
const clusterAnalysis = () => import('../pages/analytics/clusters/pages.ts');

const account = () => import('../pages/account/AccountPages.tsx');

export function App() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<Layout />}>
          <Route index element={<MapPage />} />
          <Route
            path="search"
            element={page(() => import('../pages/search/SearchPage.tsx'), 'SearchPage')}
          />
          <Route path="organisations" element={page(lists, 'OrganisationsList')} />
          <Route path="organisations/new" element={page(editing, 'OrganisationCreatePage')} />
          <Route path="organisations/:id" element={page(profiles, 'OrganisationProfile')} />
          <Route path="organisations/:id/edit" element={page(editing, 'OrganisationEditPage')} />
          <Route path="people" element={page(lists, 'PeopleList')} />
          <Route path="people/new" element={page(editing, 'PersonCreatePage')} />
          <Route path="people/:id" element={page(profiles, 'PersonProfile')} />
          <Route path="people/:id/edit" element={page(editing, 'PersonEditPage')} />
          <Route path="sites" element={page(lists, 'SitesList')} />
          <Route path="sites/new" element={page(editing, 'SiteCreatePage')} />
          <Route path="sites/:id" element={page(profiles, 'SiteProfile')} />
          <Route path="sites/:id/edit" element={page(editing, 'SiteEditPage')} />
          <Route path="clusters" element={page(lists, 'ClustersList')} />
          <Route path="clusters/new" element={page(editing, 'ClusterCreatePage')} />
          <Route path="clusters/:id" element={page(profiles, 'ClusterProfile')} />
          <Route path="clusters/:id/edit" element={page(editing, 'ClusterEditPage')} />
          <Route path="regions" element={page(lists, 'RegionsList')} />
          <Route path="regions/:code" element={page(profiles, 'RegionProfile')} />
          <Route path="events" element={page(lists, 'EventsList')} />
          <Route path="events/:id" element={page(profiles, 'EventProfile')} />
          <Route path="agreements" element={page(lists, 'AgreementsList')} />
          <Route path="agreements/:id" element={page(profiles, 'AgreementProfile')} />
          <Route path="action-plans" element={page(lists, 'ActionPlansList')} />
          <Route path="action-plans/:id" element={page(profiles, 'ActionPlanProfile')} />
          <Route path="projects" element={page(lists, 'ProjectsList')} />
          <Route path="projects/:id" element={page(profiles, 'ProjectProfile')} />
          <Route path="sources" element={page(lists, 'SourcesList')} />
          <Route
            path="registry/import"
            element={page(
              () => import('../features/registry-import/RegistryImportPage.tsx'),
              'RegistryImportPage',
            )}
          />
          <Route
            path="sources/:id"
            element={page(() => import('../pages/sources/SourcePage.tsx'), 'SourcePage')}
          />
          <Route path="analytics/clusters" element={page(clusterAnalysis, 'ClusterMapPage')} />
          <Route
            path="analytics/clusters/regions/:code"
            element={page(clusterAnalysis, 'RegionPortfolioPage')}
          />
          <Route path="analytics/datasets" element={page(clusterAnalysis, 'DatasetsPage')} />
          <Route path="ratings" element={page(ratings, 'RatingsPage')} />
          <Route path="ratings/editions/:id" element={page(ratings, 'EditionPage')} />
          <Route path="ratings/editions/:id/weights" element={page(ratings, 'WeightsEditorPage')} />
          <Route path="ratings/methodologies/:id" element={page(ratings, 'MethodologyPage')} />
          <Route path="ratings/compare" element={page(ratings, 'ComparePage')} />
          <Route path="ratings/import" element={page(ratings, 'ImportValuesPage')} />
          <Route
            path="login"
            element={page(() => import('../pages/auth/SignInPage.tsx'), 'SignInPage')}
          />
          <Route
            path="admin/users"
            element={page(() => import('../pages/admin/UsersPage.tsx'), 'UsersPage')}
          />
          <Route path="account/password" element={page(account, 'ChangePasswordPage')} />
          <Route path="account/totp" element={page(account, 'TotpPage')} />
          <Route path="account/sessions" element={page(account, 'SessionsPage')} />
          <Route path="admin/users/:id/sessions" element={page(account, 'SessionsPage')} />
          <Route
            path="admin/audit"
            element={page(() => import('../pages/admin/AuditPage.tsx'), 'AuditPage')}
          />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
