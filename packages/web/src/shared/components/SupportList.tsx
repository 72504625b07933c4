import type { SupportAward } from '@promatlas/core/api/registry.schema.ts';
import { formatAmount } from '../lib/format.ts';
import { AsOf, EntityLink, Section, SourceChip } from './common.tsx';

/** The support a cluster or project received, with its provider, measure and programme. */
export function SupportList({ support }: { support: SupportAward[] }) {
  if (support.length === 0) return null;
  return (
    <Section title="Полученная поддержка" count={support.length}>
      <ul className="facts">
        {support.map((award) => (
          <li key={award.id} className="fact" data-testid="support">
            <span className="fact-value">
              {award.amount !== null
                ? formatAmount(award.amount, award.currency, award.qualifier)
                : 'сумма не указана'}
            </span>
            <span className="fact-label">
              {award.provider ? (
                <>
                  от <EntityLink entity={award.provider} />
                </>
              ) : null}
              {award.measure ? (
                <>
                  {' · '}
                  <EntityLink entity={award.measure} />
                </>
              ) : null}
              {award.programme ? ` · ${award.programme}` : ''}
              {award.projects.length ? (
                <>
                  {' · проекты: '}
                  {award.projects.map((p, i) => (
                    <span key={p.id}>
                      {i ? ', ' : ''}
                      <EntityLink entity={p} />
                    </span>
                  ))}
                </>
              ) : null}
            </span>
            <span className="fact-meta">
              <AsOf date={award.asOf} />
              <SourceChip source={award.source} />
            </span>
          </li>
        ))}
      </ul>
    </Section>
  );
}
