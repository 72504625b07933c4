import type { Fact } from '@promatlas/core/api/common.schema.ts';
import type { RoleLink } from '@promatlas/core/api/registry.schema.ts';
import { formatFactValue } from '../lib/format.ts';
import { roleLabel } from '../lib/labels.ts';
import { AsOf, EntityLink, Section, SourceChip } from './common.tsx';

function FactValue({ fact }: { fact: Fact }) {
  return (
    <>
      {formatFactValue(fact)}
      {fact.object ? (
        <>
          {' '}
          (<EntityLink entity={fact.object} />)
        </>
      ) : null}
    </>
  );
}

/**
 * Groups the facts of a property: values as of the newest date are current
 * (several when a property has several values, e.g. key industries); values
 * as of earlier dates are that property's history. The API lists each
 * property's facts newest first.
 */
function groupByProperty(facts: Fact[]): Array<{ current: Fact[]; earlier: Fact[] }> {
  const groups = new Map<string, Fact[]>();
  for (const fact of facts) groups.set(fact.property, [...(groups.get(fact.property) ?? []), fact]);
  return [...groups.values()].map((items) => {
    const newest = items[0]?.asOf?.from ?? null;
    const current = items.filter((f) => (f.asOf?.from ?? null) === newest || f.asOf === null);
    return { current, earlier: items.filter((f) => !current.includes(f)) };
  });
}

/** Key figures: each value with the date it is true as of and its source; earlier values stay listed under it. */
export function FactList({
  facts,
  title = 'Ключевые показатели',
}: {
  facts: Fact[];
  title?: string;
}) {
  if (facts.length === 0) return null;
  return (
    <Section title={title}>
      <ul className="facts">
        {groupByProperty(facts).flatMap(({ current, earlier }) =>
          current.map((fact, index) => (
            <li key={fact.id} className="fact" data-testid="fact" data-property={fact.property}>
              <span className="fact-label">{fact.label}</span>
              <span className="fact-value">
                <FactValue fact={fact} />
              </span>
              <span className="fact-meta">
                <AsOf date={fact.asOf} />
                <SourceChip source={fact.source} />
              </span>
              {index === current.length - 1 && earlier.length ? (
                <div className="fact-history" data-testid="fact-history">
                  <span className="muted small">Ранее:</span>
                  <ul>
                    {earlier.map((old) => (
                      <li key={old.id} data-testid="fact-earlier">
                        <FactValue fact={old} /> <AsOf date={old.asOf} />{' '}
                        <SourceChip source={old.source} />
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </li>
          )),
        )}
      </ul>
    </Section>
  );
}

/** Relations grouped by role: «Резидент», «Участник», … each with a link, date and source. */
export function RoleLinks({
  title,
  links,
  groupByRole = true,
}: {
  title: string;
  links: RoleLink[];
  groupByRole?: boolean;
}) {
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
                {role && groups.size === 1 ? (
                  <span className="muted"> · {roleLabel(link.role)}</span>
                ) : null}
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
