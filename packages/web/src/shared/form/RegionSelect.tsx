import type { User } from '@promatlas/core/api/accounts.schema.ts';
import { useRegions } from '../lib/regions.ts';

/**
 * Region of a record: a regional editor chooses among the regions granted
 * (a record of another region is refused by the server anyway), an
 * administrator among all; the current value always stays selectable.
 */
export function RegionSelect({
  user,
  value,
  onChange,
  allowEmpty,
  ...input
}: {
  user: User;
  value: string;
  onChange: (code: string) => void;
  allowEmpty?: boolean;
  id: string;
  'data-testid': string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
}) {
  const regions = useRegions();
  const options = regions.filter(
    (r) => user.role === 'administrator' || user.regions.includes(r.code) || r.code === value,
  );
  return (
    <select {...input} value={value} onChange={(e) => onChange(e.target.value)}>
      {allowEmpty || user.role === 'administrator' || !value ? (
        <option value="">
          {user.role === 'administrator' ? '— без региона —' : '— выберите регион —'}
        </option>
      ) : null}
      {options.map((r) => (
        <option key={r.code} value={r.code}>
          {r.name}
        </option>
      ))}
    </select>
  );
}
