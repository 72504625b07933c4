import type { z } from 'zod';

import type { SiteCreateSchema, SiteUpdateSchema } from '@promatlas/core/api/editing.schema.ts';
import type { ColumnMap } from '../../shared/records/versioned-record.repository.ts';
import { PROVENANCE, simpleEditing } from '../shared/registry-editing.service.ts';

const SITE = {
  kind: 'kind',
  sezType: 'sez_type',
  name: 'name',
  fullName: 'full_name',
  aliases: 'aliases',
  regionCode: 'region_code',
  town: 'town',
  managementOrganisationId: 'management_organisation_id',
  specialisation: 'specialisation',
  latitude: 'latitude',
  longitude: 'longitude',
  published: 'published',
  ...PROVENANCE,
} satisfies ColumnMap<'site'>;
export const siteEditing = simpleEditing<
  'site',
  z.infer<typeof SiteCreateSchema>,
  z.infer<typeof SiteUpdateSchema>
>('site', SITE);
