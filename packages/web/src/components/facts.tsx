import type { Fact } from '@promatlas/core/api/common.schema.ts';
import type { RoleLink } from '@promatlas/core/api/registry.schema.ts';
import { formatFactValue } from '../lib/format.ts';
import { roleLabel } from '../lib/labels.ts';
import { AsOf, EntityLink, Section, SourceChip } from './common.tsx';

/** Key figures: each value with the date it is true as of and its source. */
export function FactList({ facts, title = 'Ключевые показатели' }: { facts: Fact[]; title?: string }) {
  if (facts.length === 0) return null;
  return (
    <Section title={title}>
      <ul className="facts">
        {facts.map((fact) => (
          <li key={fact.id} className="fact" data-testid="fact" data-property={fact.property}>
            <span className="fact-label">{fact.label}</span>
            <span className="fact-value">
              {formatFactValue(fact)}
              {fact.object ? (
                <>
                  {' '}
                  (<EntityLink entity={fact.object} />)
                </>
              ) : null}
            </span>
            <span className="fact-meta">
              <AsOf date={fact.asOf} />
              <SourceChip source={fact.source} />
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Relations grouped by role: «Резидент», «Участник», … each with a link, date and source. */
export function RoleLinks({ title, links, groupByRole = true }: { title: string; links: RoleLink[]; groupByRole?: boolean }) {
  if (links.length === 0) return null;
  const groups = new Map<string, RoleLink[]>();
  for (const link of links) {
    const key = groupByRole ? link.role : '';
    groups.set(key, [...(groups.get(key) ?? []), link]);
  }
  return (
    <Section title={title} count={links.length}>
      {[...groups].map(([role, items]) => (
        <div key={role} className="role-group">
          {role && groups.size > 1 ? <h3>{roleLabel(role)}</h3> : null}
          <ul className="ref-list">
            {items.map((link, index) => (
              <li key={`${link.target.type}:${link.target.id}:${index}`}>
                <EntityLink entity={link.target} />
                {role && groups.size === 1 ? <span className="muted"> · {roleLabel(link.role)}</span> : null}
                <AsOf date={link.asOf} />
                <SourceChip source={link.source} />
              </li>
            ))}
          </ul>
        </div>
      ))}
    </Section>
  );
}
