import type { HistoryType } from './HistoryTab.tsx';

/** The changes a profile offers; the toolbar (EditingToolbar.tsx, a lazy chunk) shows those the viewer may make. */
export type ProfileAction = 'edit' | 'delete' | 'fact' | 'member' | 'position';

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

/** Types whose deleted records an administrator can restore (POST /api/<collection>/:id/restore). */
export const RESTORABLE: Partial<Record<HistoryType, string>> = {
  organisation: 'organisations',
  person: 'people',
  site: 'sites',
  cluster: 'clusters',
};
