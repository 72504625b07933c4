import { lazy } from 'react';
import type { FeatureAction } from '../../shared/profile/editing-spec.ts';

/** «Добавить участника» on a cluster's profile; the dialog loads when opened. */
export const addMemberAction: FeatureAction = {
  key: 'member',
  label: 'Добавить участника',
  savedMessage: 'Участник добавлен',
  dialog: lazy(async () => ({ default: (await import('./AddMemberDialog.tsx')).AddMemberDialog })),
};
