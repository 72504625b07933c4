import { searchRoute } from '@promatlas/core/api/contract/registry.ts';
import { useRoute } from '../../shared/api/api.ts';
import { SearchPicker, usePickerQuery } from './SearchPicker.tsx';

export interface PickedRecord {
  id: number;
  title: string;
}

/** Finds a site or a cluster by name through the registry search. */
export function RecordPicker({
  type,
  value,
  onChange,
  id,
  testId,
  placeholder,
  change,
  ...aria
}: {
  type: 'site' | 'cluster';
  value: PickedRecord | null;
  onChange: (value: PickedRecord | null) => void;
  id: string;
  testId: string;
  placeholder: string;
  change: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const search = usePickerQuery(!value);
  const results = useRoute(
    searchRoute,
    search.q ? { query: { q: search.q, types: type, limit: 10 } } : null,
  );
  return (
    <SearchPicker
      picked={value?.title ?? null}
      onClear={() => onChange(null)}
      search={search}
      loading={results.loading}
      options={(results.data?.items ?? []).map((item) => ({
        key: item.id,
        pick: () => onChange({ id: Number(item.id), title: item.title }),
        content: item.title,
      }))}
      placeholder={placeholder}
      change={change}
      id={id}
      testId={testId}
      {...aria}
    />
  );
}
