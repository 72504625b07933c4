import type { PartialDate } from '@promatlas/core/dates/partial-date.ts';
import type {
  ClusterKind,
  ClusterStatus,
  EventKind,
  EventStatus,
  OrganisationKind,
  ParticipationRole,
  ProjectKind,
  ProjectParticipantRole,
  ProjectStatus,
  SezType,
  SiteKind,
  SourceKind,
} from '@promatlas/core/domain/vocabulary.ts';

/**
 * The demo dataset is declarative: records refer to each other by symbolic
 * keys, and every record names its source document and the exact sentence
 * (quote) that supports it. load-demo-data.ts resolves keys to ids and refuses
 * a quote that is not in its source text, so nothing can drift from the seeds.
 */
export interface Provenance {
  source: string;
  quote: string;
}

export interface DemoSource {
  key: string;
  file: string;
  kind: SourceKind;
  title: string;
  publisher: string | null;
  published: PartialDate | null;
  url: string | null;
}

export interface DemoOrganisation extends Provenance {
  key: string;
  kind: OrganisationKind;
  name: string;
  fullName?: string;
  shortName?: string;
  legalForm?: string;
  region?: string;
  town?: string;
  country?: string;
  parent?: string;
  aliases?: string[];
  description?: string;
}

export interface DemoPerson extends Provenance {
  key: string;
  lastName: string;
  firstName: string;
  patronymic?: string;
}

export interface DemoPosition extends Provenance {
  key: string;
  person: string;
  organisation?: string;
  region?: string;
  title: string;
  asOf: PartialDate | null;
}

export interface DemoSite extends Provenance {
  key: string;
  kind: SiteKind;
  sezType?: SezType;
  name: string;
  fullName?: string;
  aliases?: string[];
  region?: string;
  specialisation?: string;
  latitude?: number;
  longitude?: number;
}

export interface DemoCluster extends Provenance {
  key: string;
  kind: ClusterKind;
  status: ClusterStatus;
  name: string;
  fullName?: string;
  aliases?: string[];
  region?: string;
  specialisation?: string;
}

export interface DemoParticipant extends Provenance {
  organisation?: string;
  person?: string;
  position?: string;
  role: ParticipationRole;
}

export interface DemoEvent extends Provenance {
  key: string;
  kind: EventKind;
  status: EventStatus;
  title: string;
  region?: string;
  place?: string;
  date: PartialDate | null;
  participantCategories?: string[];
  topics?: string[];
  outcomes?: string[];
  goals?: string[];
  follows?: string;
  participants: DemoParticipant[];
}

export interface DemoAgreement extends Provenance {
  key: string;
  title: string;
  event?: string;
  place?: string;
  date: PartialDate | null;
  directions: string[];
  parties: Array<
    Provenance & {
      organisation?: string;
      region?: string;
      signatory?: string;
      signatoryPosition?: string;
    }
  >;
}

export interface DemoActionPlan extends Provenance {
  key: string;
  title: string;
  approvedAt?: string;
  period: PartialDate | null;
  themes: string[];
  parties: Array<Provenance & { organisation?: string; region?: string }>;
}

export interface DemoProject extends Provenance {
  key: string;
  kind: ProjectKind;
  status: ProjectStatus | null;
  title: string;
  description?: string;
  region?: string;
  cluster?: string;
  site?: string;
  date: PartialDate | null;
  participants?: Array<Provenance & { organisation: string; role: ProjectParticipantRole }>;
}

export interface DemoSupportMeasure extends Provenance {
  key: string;
  code: string;
  name: string;
  regulation: string;
  maxShare: number | null;
  capAmount: number | null;
  validFrom: PartialDate | null;
}

export interface DemoSupportAward extends Provenance {
  key: string;
  provider: string;
  measure?: string;
  amount: number;
  qualifier: string;
  currency: string;
  asOf: PartialDate | null;
  projects: string[];
}

export interface DemoRating extends Provenance {
  key: string;
  code: string;
  name: string;
  publisher?: string;
  objectType: 'site' | 'cluster' | 'region';
}

export interface DemoRatingResult extends Provenance {
  rating: string;
  editionLabel: string;
  editionNumber?: number;
  year: number;
  peerGroup?: string;
  site: string;
  place: number;
}

export interface DemoStatement extends Provenance {
  subject: { type: string; key: string };
  property: string;
  number?: number;
  text?: string;
  unit?: string;
  qualifier?: string;
  object?: { type: string; key: string };
  asOf: PartialDate | null;
}

export interface DemoData {
  sources: DemoSource[];
  organisations: DemoOrganisation[];
  people: DemoPerson[];
  positions: DemoPosition[];
  sites: DemoSite[];
  clusters: DemoCluster[];
  events: DemoEvent[];
  agreements: DemoAgreement[];
  actionPlans: DemoActionPlan[];
  projects: DemoProject[];
  supportMeasures: DemoSupportMeasure[];
  supportAwards: DemoSupportAward[];
  ratings: DemoRating[];
  ratingResults: DemoRatingResult[];
  statements: DemoStatement[];
}
