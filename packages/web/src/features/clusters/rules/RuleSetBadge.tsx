import { Link } from 'react-router';
import type { ClusterCompliance } from '@promatlas/core/api/cooperation.schema.ts';

/** Which stored rule set a verdict used: its version, revision and start, linked to the rules page. */
export function RuleSetBadge({ ruleSet }: { ruleSet: ClusterCompliance['ruleSet'] }) {
  return (
    <p className="muted" data-testid="compliance-rule-set">
      Правила: {ruleSet.title}, версия {ruleSet.version}
      {ruleSet.revision !== null ? `, правка ${ruleSet.revision}` : ''}
      {ruleSet.inForceFrom
        ? `, действует с ${ruleSet.inForceFrom.split('-').reverse().join('.')}`
        : ''}{' '}
      · <Link to="/regulations">все версии</Link>
    </p>
  );
}
