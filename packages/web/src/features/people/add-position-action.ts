import { lazy } from 'react';
import type { FeatureAction } from '../../shared/profile/editing-spec.ts';

/** «Новая должность» on a person's profile; the dialog loads when opened. */
export const addPositionAction: FeatureAction = {
  key: 'position',
  label: 'Новая должность',
  savedMessage: 'Должность записана',
  // A new position's rights depend on the organisation or region chosen in the dialog.
  permission: 'anyEditor',
  dialog: lazy(async () => ({
    default: (await import('./AddPositionDialog.tsx')).AddPositionDialog,
  })),
};
