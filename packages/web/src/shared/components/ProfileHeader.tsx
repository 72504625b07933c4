import type { ReactNode } from 'react';
import type { RegionRef, SourceRef } from '@promatlas/core/api/common.schema.ts';
import { RegionLink, SourceChip } from './common.tsx';

/** Name, type and region at the top of every profile. */
export function ProfileHeader({
  title,
  type,
  region,
  source,
  children,
}: {
  title: string;
  type: ReactNode;
  region?: RegionRef | null;
  source?: SourceRef | null;
  children?: ReactNode;
}) {
  return (
    <header className="profile-header">
      <p className="profile-type" data-testid="profile-type">
        {type}
      </p>
      <h1 data-testid="profile-title">{title}</h1>
      <p className="profile-meta">
        {region !== undefined ? (
          <span data-testid="profile-region">
            Регион: <RegionLink region={region} />
          </span>
        ) : null}
        {source ? <SourceChip source={source} /> : null}
      </p>
      {children}
    </header>
  );
}
