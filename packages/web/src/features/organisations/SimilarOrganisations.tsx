import { Link } from 'react-router';
import { similarOrganisationsRoute } from '@promatlas/core/api/contract/registry.ts';
import { useRoute } from '../../shared/api/api.ts';
import { useDebounced } from '../../shared/form/useDebounced.ts';

/** Possible duplicates while the name is typed: organisations of the region with similar names (GET /api/organisations/similar). */
export function SimilarOrganisations({
  name,
  regionCode,
  exceptId,
}: {
  name: string;
  regionCode: string;
  exceptId?: string;
}) {
  const settled = useDebounced(name.trim(), 400);
  const similar = useRoute(
    similarOrganisationsRoute,
    settled.length >= 3 ? { query: { name: settled, region: regionCode || undefined } } : null,
  );
  const items = (similar.data?.items ?? []).filter((item) => item.id !== exceptId);
  if (settled.length < 3 || items.length === 0) return null;
  return (
    <div className="similar" data-testid="similar" role="status">
      <p>
        Похожие организации{regionCode ? ' в этом регионе' : ''} — возможно, она уже есть в реестре:
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            <Link
              to={`/organisations/${encodeURIComponent(item.id)}`}
              target="_blank"
              data-testid="similar-link"
            >
              {item.title}
            </Link>{' '}
            <span className="muted small">сходство {Math.round(item.similarity * 100)} %</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
