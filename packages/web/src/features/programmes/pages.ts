// Events, agreements, action plans and projects: one lazy chunk.
export { EventsList } from './EventsList.tsx';
export { AgreementsList } from './AgreementsList.tsx';
export { ActionPlansList } from './ActionPlansList.tsx';
export { ProjectsList } from './ProjectsList.tsx';
export { EventProfile } from './EventProfile.tsx';
export { AgreementProfile, ActionPlanProfile } from './ProgrammeProfiles.tsx';
export { ProjectProfile } from './ProjectProfile.tsx';
export { PlanWorkPage } from './PlanWorkPage.tsx';
export { MyTasksPage } from './MyTasksPage.tsx';
export { RegionDashboardPage } from './RegionDashboardPage.tsx';
export { PlanCreatePage } from './PlanForm.tsx';
export { ProjectCreatePage, ProjectEditPage } from './ProjectForm.tsx';
export { CalendarPage } from './CalendarPage.tsx';
