import type { ComponentType } from 'react';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import type { HistoryType } from './HistoryTab.tsx';

/** What a feature's dialog on the toolbar is given. */
export interface ActionDialogProps {
  spec: EditingSpec;
  user: User;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * A change one feature adds to its profiles' toolbar (a cluster's «Добавить
 * участника», a person's «Новая должность»): the button, the dialog — a lazy
 * component, so it loads with the toolbar's chunk only when opened — and the
 * message once saved.
 */
export interface FeatureAction {
  /** The button's test id is `action-<key>`. */
  key: string;
  label: string;
  savedMessage: string;
  /** 'anyEditor': the rights depend on what is chosen in the dialog, and the server decides. */
  permission?: 'record' | 'anyEditor';
  dialog: ComponentType<ActionDialogProps>;
}

/** The changes every profile may offer; the toolbar (EditingToolbar.tsx, a lazy chunk) shows those the viewer may make. */
export type CommonAction = 'edit' | 'delete' | 'fact';
export type ProfileAction = CommonAction | FeatureAction;

export interface EditingSpec {
  type: HistoryType;
  id: string;
  title: string;
  /** The version the page loaded (sent with a delete). */
  version?: number;
  /** Regions the record lies in (null: none), for the regional editor's rights. */
  regions: Array<string | null>;
  /** People: any editor may change a record without a region. */
  anyEditorWhenNoRegion?: boolean;
  actions: ProfileAction[];
}

/** Types whose records are deleted softly, and restored by an administrator. */
export const RESTORABLE = ['organisation', 'person', 'site', 'cluster', 'project'] as const;
export type RestorableType = (typeof RESTORABLE)[number];
export const isRestorable = (type: HistoryType): type is RestorableType =>
  (RESTORABLE as readonly HistoryType[]).includes(type);
