import { Link } from 'react-router';
import { clusterSupplierGapsRoute } from '@promatlas/core/api/contract/cooperation.ts';
import { useRoute } from '../../../shared/api/api.ts';
import { EntityLink } from '../../../shared/components/common.tsx';
import { formatRub } from './format.ts';

/** «Пробелы»: what members buy outside the cluster, and who in the region could supply it. */
export function SupplierGapsList({ clusterId }: { clusterId: number }) {
  const { data } = useRoute(clusterSupplierGapsRoute, { params: { id: clusterId }, query: {} });
  if (!data) return null;
  return (
    <div className="supplier-gaps" data-testid="supplier-gaps">
      <h3>Закупки вне кластера</h3>
      {data.gaps.length === 0 ? (
        <p className="muted">Договоров участников с организациями вне кластера не записано.</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th>Продукция</th>
              <th>Договоров</th>
              <th>Сумма</th>
              <th>Покупают</th>
              <th>Сейчас поставляют</th>
              <th>Могли бы поставлять в регионе {data.region ? `(${data.region.name})` : ''}</th>
            </tr>
          </thead>
          <tbody>
            {data.gaps.map((g) => (
              <tr key={`${g.okpd2 ?? ''}:${g.product}`} data-testid="supplier-gap">
                <td>
                  {g.okpd2 ? `${g.okpd2} · ` : ''}
                  {g.product}
                </td>
                <td>{g.contracts}</td>
                <td>{g.valueRub === null ? '—' : formatRub(g.valueRub)}</td>
                <td>
                  {g.buyers.map((b) => (
                    <div key={b.id}>
                      <EntityLink entity={b} />
                    </div>
                  ))}
                </td>
                <td>
                  {g.outsideSuppliers.map((o) => (
                    <div key={o.id}>
                      <EntityLink entity={o} />
                    </div>
                  ))}
                </td>
                <td>
                  {g.okpd2 ? (
                    <>
                      {g.candidates.length ? (
                        g.candidates.map((c) => (
                          <div key={c.organisation.id}>
                            <EntityLink entity={c.organisation} />
                            {c.inCluster ? ' (участник)' : ''}
                          </div>
                        ))
                      ) : (
                        <span className="muted">в регионе не найдено</span>
                      )}
                      <Link
                        className="small"
                        to={`/suppliers?okpd2=${encodeURIComponent(g.okpd2)}&clusterId=${clusterId}${data.region ? `&region=${data.region.code}` : ''}`}
                      >
                        искать поставщиков
                      </Link>
                    </>
                  ) : (
                    <span className="muted">
                      нет кода ОКПД2 — не с чем сравнить виды деятельности
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
