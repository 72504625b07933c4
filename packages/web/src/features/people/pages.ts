// The people pages a reader opens: one lazy chunk.
export { PeopleList } from './PeopleList.tsx';
export { PersonProfile } from './PersonProfile.tsx';
