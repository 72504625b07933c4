export { extractIntake, emptyIntakeResult } from './extract.ts';
export { splitSentences } from './sentences.ts';
export { findDates } from './dates.ts';
export { findMoney } from './money.ts';
export { findCounts } from './counts.ts';
export { findPercents } from './percents.ts';
export type * from './types.ts';
export { toIntakeContract, contractIso, INTAKE_CONTRACT_KEYS } from './contract.ts';
export type { IntakeContract } from './contract.ts';
export {
  buildProposals,
  highlightMentions,
  organisationLabel,
  partialDateOf,
  PROPOSAL_KINDS,
} from './proposals.ts';
export type * from './proposals.ts';
