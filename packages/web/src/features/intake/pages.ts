// The intake pages: one lazy chunk.
export { IntakePage } from './IntakePage.tsx';
export { IntakeReviewPage } from './IntakeReviewPage.tsx';
