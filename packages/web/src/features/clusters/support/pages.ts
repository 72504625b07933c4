// The regulation pages: rule sets with territory flags, and the subsidy calculator with awards (one lazy chunk).
export { SubsidyCalculatorPage } from './SubsidyCalculatorPage.tsx';
export { RuleSetsPage } from '../rules/RuleSetsPage.tsx';
