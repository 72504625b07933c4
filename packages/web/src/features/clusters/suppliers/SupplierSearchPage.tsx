import { lazy, Suspense, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { supplierSearchRoute } from '@promatlas/core/api/contract/cooperation.ts';
import { SUPPLIER_RANK_REASONS } from '@promatlas/core/domain/vocabulary.ts';
import { useRoute } from '../../../shared/api/api.ts';
import { EntityLink } from '../../../shared/components/common.tsx';
import {
  OrganisationPicker,
  type PickedOrganisation,
} from '../../../shared/form/OrganisationPicker.tsx';
import { useRegions } from '../../../shared/lib/regions.ts';
import { useTitle } from '../../../shared/lib/useTitle.ts';
import { useLang } from './i18n.ts';

// MapLibre is a large chunk: loaded only once there are results to show.
const SupplierMap = lazy(() =>
  import('./SupplierMap.tsx').then((m) => ({ default: m.SupplierMap })),
);

type Need = 'okpd2' | 'okved';
type Origin = 'none' | 'organisation' | 'point';

/** The search as the URL holds it, so a result can be linked and the back button works. */
interface SearchState {
  need: Need;
  code: string;
  region: string;
  origin: Origin;
  organisation: PickedOrganisation | null;
  lat: string;
  lon: string;
  radiusKm: string;
  clusterId: string;
}

function fromParams(p: URLSearchParams): SearchState {
  const organisationId = p.get('organisationId');
  return {
    need: p.get('okved') ? 'okved' : 'okpd2',
    code: p.get('okved') ?? p.get('okpd2') ?? '',
    region: p.get('region') ?? '',
    origin: organisationId ? 'organisation' : p.get('lat') ? 'point' : 'none',
    organisation: organisationId
      ? {
          id: Number(organisationId),
          title: p.get('organisationTitle') ?? `№ ${organisationId}`,
          regionName: null,
        }
      : null,
    lat: p.get('lat') ?? '',
    lon: p.get('lon') ?? '',
    radiusKm: p.get('radiusKm') ?? '100',
    clusterId: p.get('clusterId') ?? '',
  };
}

function toParams(s: SearchState): Record<string, string> {
  const out: Record<string, string> = { [s.need]: s.code.trim() };
  if (s.region) out['region'] = s.region;
  if (s.origin === 'organisation' && s.organisation) {
    out['organisationId'] = String(s.organisation.id);
    out['organisationTitle'] = s.organisation.title;
  }
  if (s.origin === 'point') {
    out['lat'] = s.lat.trim().replace(',', '.');
    out['lon'] = s.lon.trim().replace(',', '.');
  }
  if (s.origin !== 'none') out['radiusKm'] = s.radiusKm.trim() || '100';
  if (s.clusterId) out['clusterId'] = s.clusterId;
  return out;
}

const num = (v: string | null) => (v === null || v === '' ? undefined : Number(v));

/** Supplier search: a need (ОКПД2 product or ОКВЭД2 activity), an area, and results with their reasons. */
export function SupplierSearchPage() {
  const { lang, toggle, t } = useLang();
  useTitle(t('title'));
  const [params, setParams] = useSearchParams();
  const [form, setForm] = useState<SearchState>(() => fromParams(params));
  const regions = useRegions();
  const set = <K extends keyof SearchState>(key: K, value: SearchState[K]) =>
    setForm((f) => ({ ...f, [key]: value }));
  const searched = params.get('okpd2') || params.get('okved');
  const { data, error, loading } = useRoute(
    supplierSearchRoute,
    searched
      ? {
          query: {
            okpd2: params.get('okpd2'),
            okved: params.get('okved'),
            region: params.get('region'),
            lat: num(params.get('lat')),
            lon: num(params.get('lon')),
            organisationId: num(params.get('organisationId')),
            radiusKm: num(params.get('radiusKm')),
            clusterId: num(params.get('clusterId')),
          },
        }
      : null,
  );
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setParams(toParams(form));
  };
  const message = (m: { message: string; messageEn: string }) =>
    lang === 'en' ? m.messageEn : m.message;
  const errorBody = error?.body;
  return (
    <div className="page supplier-search" data-testid="supplier-search">
      <header className="page-header">
        <h1>{t('title')}</h1>
        <button type="button" className="button small" onClick={toggle} data-testid="language">
          {t('language')}
        </button>
      </header>
      <p className="muted">{t('intro')}</p>
      <form onSubmit={onSubmit} className="search-form" data-testid="supplier-search-form">
        <div className="form-row">
          <label>
            {t('need')}{' '}
            <select
              value={form.need}
              onChange={(e) => set('need', e.target.value as Need)}
              data-testid="input-need"
            >
              <option value="okpd2">{t('okpd2')}</option>
              <option value="okved">{t('okved')}</option>
            </select>
          </label>
          <label>
            {t('code')}{' '}
            <input
              value={form.code}
              onChange={(e) => set('code', e.target.value)}
              placeholder={form.need === 'okpd2' ? '28.30.2' : '28.30'}
              data-testid="input-code"
              required
            />
          </label>
          <label>
            {t('region')}{' '}
            <select
              value={form.region}
              onChange={(e) => set('region', e.target.value)}
              data-testid="input-region"
            >
              <option value="">{t('anyRegion')}</option>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </select>
          </label>
        </div>
        <fieldset className="form-row">
          <legend>{t('radiusFrom')}</legend>
          {(['none', 'organisation', 'point'] as const).map((o) => (
            <label key={o}>
              <input
                type="radio"
                name="origin"
                checked={form.origin === o}
                onChange={() => set('origin', o)}
                data-testid={`origin-${o}`}
              />{' '}
              {t(
                o === 'none' ? 'noRadius' : o === 'organisation' ? 'fromOrganisation' : 'fromPoint',
              )}
            </label>
          ))}
        </fieldset>
        {form.origin === 'organisation' ? (
          <OrganisationPicker
            id="supplier-origin"
            testId="input-origin-organisation"
            value={form.organisation}
            onChange={(o) => set('organisation', o)}
          />
        ) : null}
        {form.origin === 'point' ? (
          <div className="form-row">
            <label>
              {t('lat')}{' '}
              <input
                value={form.lat}
                onChange={(e) => set('lat', e.target.value)}
                data-testid="input-lat"
              />
            </label>
            <label>
              {t('lon')}{' '}
              <input
                value={form.lon}
                onChange={(e) => set('lon', e.target.value)}
                data-testid="input-lon"
              />
            </label>
          </div>
        ) : null}
        {form.origin !== 'none' ? (
          <label>
            {t('radius')}{' '}
            <input
              value={form.radiusKm}
              inputMode="numeric"
              onChange={(e) => set('radiusKm', e.target.value)}
              data-testid="input-radius"
            />
          </label>
        ) : null}
        <div className="form-buttons">
          <button type="submit" className="button primary" data-testid="search">
            {t('search')}
          </button>
        </div>
      </form>
      {error ? (
        <div className="error" role="alert" data-testid="search-error">
          {errorBody
            ? message({ message: errorBody.message, messageEn: errorBody.messageEn })
            : error.message}
          {errorBody?.fields?.length ? (
            <ul>
              {errorBody.fields.map((f) => (
                <li key={f.field + f.message}>
                  {f.field}: {lang === 'en' && f.messageEn ? f.messageEn : f.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      {loading ? <p>{t('searching')}</p> : null}
      {data ? (
        <section data-testid="supplier-results">
          <p data-testid="results-summary">
            {data.need.okpd2 ?? data.need.okved}
            {data.need.title ? ` — ${data.need.title}` : ''} · {t('found')}: {data.total}
            {data.radiusKm !== null ? ` · ${t('within')} ${data.radiusKm} ${t('km')}` : ''}
            {data.origin?.organisation ? ` ${t('of')} ${data.origin.organisation.title}` : ''}
            {data.region ? ` · ${data.region.name}` : ''}
            {data.cluster ? ` · ${t('cluster')}: ${data.cluster.title}` : ''}
          </p>
          {data.items.length === 0 ? (
            <p className="muted">{t('nothing')}</p>
          ) : (
            <Suspense fallback={null}>
              <SupplierMap result={data} />
            </Suspense>
          )}
          <ol className="supplier-list">
            {data.items.map((item) => (
              <li key={item.organisation.id} data-testid="supplier-result">
                <div>
                  <EntityLink entity={item.organisation} />{' '}
                  <span className="muted small">
                    {[item.town, item.region?.name].filter(Boolean).join(', ')}
                  </span>
                </div>
                <div className="small">
                  <strong data-testid="result-score">
                    {t('score')} {item.score.toLocaleString(lang === 'en' ? 'en-GB' : 'ru-RU')}
                  </strong>
                  {item.distanceKm !== null ? (
                    <span data-testid="result-distance">
                      {' '}
                      · {item.distanceKm.toLocaleString(lang === 'en' ? 'en-GB' : 'ru-RU')}{' '}
                      {t('km')}
                    </span>
                  ) : null}
                  {item.inCluster ? ` · ${t('member')}` : ''}
                </div>
                <ul className="reasons small" data-testid="result-reasons">
                  {item.reasons.map((r) => (
                    <li key={r.code + r.message}>
                      {lang === 'en'
                        ? SUPPLIER_RANK_REASONS.labelsEn[r.code]
                        : SUPPLIER_RANK_REASONS.labels[r.code]}
                      {r.points ? ` (+${r.points})` : ''}: {message(r)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
          <details>
            <summary>{t('method')}</summary>
            <ul data-testid="search-method">
              {(lang === 'en' ? data.methodEn : data.method).map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          </details>
        </section>
      ) : null}
    </div>
  );
}
