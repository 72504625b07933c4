// The source pages: one lazy chunk.
export { SourcesList } from './SourcesList.tsx';
export { SourcePage } from './SourcePage.tsx';
