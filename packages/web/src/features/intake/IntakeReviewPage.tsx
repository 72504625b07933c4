import { useMemo, useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type {
  IntakeEdit,
  IntakeProposalDto,
  IntakeReview,
} from '@promatlas/core/api/intake.schema.ts';
import { ApiError, apiSend, useApi } from '../../shared/api/client.ts';
import { useSession } from '../../shared/auth/session.ts';
import { EntityLink, ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { sourcePath } from '../../shared/lib/paths.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { KIND_LABELS, MENTION_LABELS, useLang, type Word } from './i18n.ts';
import './intake.css';

type Mention = IntakeReview['mentions'][number];
const KINDS = ['organisation', 'person', 'place', 'event', 'agreement', 'fact'] as const;

/**
 * The text with every mention marked by its type. A mention inside another (a
 * place inside an organisation's name) is marked inside it; a mention that
 * only partly overlaps one already marked is left out. Text stays text:
 * React escapes it.
 */
function highlighted(
  text: string,
  mentions: Mention[],
  focus: Set<string>,
  from = 0,
  to = text.length,
): ReactNode[] {
  const sorted = mentions
    .filter((m) => m.start >= from && m.end <= to && m.end > m.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const out: ReactNode[] = [];
  let cursor = from;
  for (let i = 0; i < sorted.length; i++) {
    const m = sorted[i]!;
    if (m.start < cursor) continue;
    if (m.start > cursor) out.push(text.slice(cursor, m.start));
    const inner = sorted.filter(
      (x, j) =>
        j !== i &&
        x.start >= m.start &&
        x.end <= m.end &&
        !(x.start === m.start && x.end === m.end && j < i),
    );
    out.push(
      <mark
        key={`${m.start}-${m.end}-${m.type}`}
        className={`mention mention-${m.type}${focus.has(`${m.start}:${m.end}`) ? ' mention-focus' : ''}`}
        data-type={m.type}
      >
        {highlighted(
          text,
          inner.filter((x) => !(x.start === m.start && x.end === m.end)),
          focus,
          m.start,
          m.end,
        )}
      </mark>,
    );
    cursor = m.end;
  }
  if (cursor < to) out.push(text.slice(cursor, to));
  return out;
}

type Field =
  'name' | 'legalForm' | 'fullName' | 'positionTitle' | 'title' | 'valueNumber' | 'regionCode';

function EditForm({
  p,
  t,
  onAccept,
  onCancel,
}: {
  p: IntakeProposalDto;
  t: (w: Word) => string;
  onAccept: (edit: IntakeEdit) => void;
  onCancel: () => void;
}) {
  const data = p.data as Record<string, unknown>;
  const initial: Record<Field, string> = {
    name: String(data['name'] ?? ''),
    legalForm: String(data['legalForm'] ?? ''),
    fullName: String(data['fullName'] ?? ''),
    positionTitle: String(
      (data['positions'] as Array<{ title: string }> | undefined)?.[0]?.title ?? '',
    ),
    title: String(data['title'] ?? ''),
    valueNumber: String(data['valueNumber'] ?? ''),
    regionCode: String(p.regionCode ?? ''),
  };
  const [v, setV] = useState(initial);
  const fields: Array<[Field, Word]> =
    p.kind === 'organisation'
      ? [
          ['name', 'name'],
          ['legalForm', 'legalForm'],
          ['regionCode', 'region'],
        ]
      : p.kind === 'person'
        ? [
            ['fullName', 'fullName'],
            ['positionTitle', 'position'],
            ['regionCode', 'region'],
          ]
        : p.kind === 'event'
          ? [
              ['title', 'eventTitle'],
              ['regionCode', 'region'],
            ]
          : p.kind === 'agreement'
            ? [['title', 'eventTitle']]
            : p.kind === 'fact'
              ? [['valueNumber', 'value']]
              : [];
  function edit(): IntakeEdit {
    const e: IntakeEdit = {};
    for (const [k] of fields) {
      if (v[k] === initial[k]) continue;
      if (k === 'valueNumber') e.valueNumber = Number(v[k]);
      else if (k === 'legalForm' || k === 'regionCode') e[k] = v[k]!.trim() || null;
      else if (k === 'name' || k === 'fullName' || k === 'positionTitle' || k === 'title')
        e[k] = v[k]!.trim();
    }
    return e;
  }
  return (
    <div className="intake-edit">
      {fields.map(([k, w]) => (
        <label key={k}>
          {t(w)}
          <input value={v[k]} onChange={(e) => setV({ ...v, [k]: e.target.value })} />
        </label>
      ))}
      <button type="button" onClick={() => onAccept(edit())}>
        {t('acceptEdited')}
      </button>
      <button type="button" className="link-button" onClick={onCancel}>
        {t('cancel')}
      </button>
    </div>
  );
}

/** The review: the text with its mentions, and beside it the proposals to accept, edit or reject. */
export function IntakeReviewPage() {
  const { id } = useParams();
  const [params] = useSearchParams();
  const { t, pick, toggle, lang } = useLang();
  const session = useSession();
  const state = useApi<IntakeReview>(`/api/intake/documents/${id}`);
  const [review, setReview] = useState<IntakeReview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [editing, setEditing] = useState<string | null>(null);
  const [focus, setFocus] = useState<Set<string>>(new Set());
  const data = review ?? state.data;
  useTitle(data ? `${t('title')}: ${data.document.title}` : t('title'));
  const canAccept =
    session.user?.role === 'administrator' || session.user?.role === 'regional_editor';
  const pending = (items: readonly IntakeProposalDto[]) =>
    items.filter((p) => p.decision.status === 'pending');
  // A regional editor's «accept all» takes what lies in their regions; the rest stays for the administrator.
  const mine = (items: readonly IntakeProposalDto[]) =>
    session.user?.role === 'administrator'
      ? pending(items)
      : pending(items).filter(
          (p) => p.regionCode !== null && session.user!.regions.includes(p.regionCode),
        );
  const groups = useMemo(
    () => KINDS.map((k) => [k, data?.proposals.filter((p) => p.kind === k) ?? []] as const),
    [data],
  );
  if (state.error && !data) return <ErrorMessage error={state.error} />;
  if (!data) return <Loading />;

  async function decide(body: Record<string, unknown>) {
    setBusy(true);
    setError(null);
    try {
      setReview(await apiSend<IntakeReview>('POST', `/api/intake/documents/${id}/decisions`, body));
      setEditing(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'client'));
    } finally {
      setBusy(false);
    }
  }
  const shown = (e: ApiError) =>
    lang === 'en' && typeof e.body?.['messageEn'] === 'string'
      ? new ApiError(e.body['messageEn'], e.status, e.code, e.body)
      : e;
  const types = [...new Set(data.mentions.map((m) => m.type))];

  return (
    <div className="intake-page">
      <div className="intake-head">
        <h1>{data.document.title}</h1>
        <button type="button" className="link-button" onClick={toggle} data-testid="intake-lang">
          {t('language')}
        </button>
      </div>
      <p className="muted">
        <Link to="/intake">← {t('title')}</Link>
        {[data.document.publisher, data.document.published, data.document.fileName]
          .filter(Boolean)
          .map((s) => ` · ${s}`)}
        {data.document.sourceId !== null && (
          <>
            {' · '}
            <Link to={sourcePath(data.document.sourceId)}>{t('source')}</Link>
          </>
        )}
      </p>
      {params.get('reused') && <p className="intake-note">{t('reused')}</p>}
      {data.notice && (
        <p className="intake-note" role="status">
          {lang === 'en' ? data.notice.messageEn : data.notice.message}
        </p>
      )}
      {!canAccept && <p className="intake-note">{t('analystNote')}</p>}
      {error && <ErrorMessage error={shown(error)} />}
      <div className="intake-review">
        <section className="intake-text" aria-label={t('text')}>
          <div className="intake-legend" aria-label={t('legend')}>
            {types.map((type) => (
              <span key={type} className={`mention mention-${type}`}>
                {pick(MENTION_LABELS[type] ?? [type, type])}
              </span>
            ))}
          </div>
          <div className="intake-body" data-testid="intake-text">
            {highlighted(data.text, data.mentions, focus)}
          </div>
        </section>
        <section className="intake-proposals" aria-label="proposals">
          {groups.map(([kind, items]) =>
            items.length === 0 ? null : (
              <div key={kind} className="intake-group" data-kind={kind}>
                <h2>
                  {pick(KIND_LABELS[kind]!)} <span className="muted">({items.length})</span>
                  {canAccept && items.some((p) => p.decision.status === 'pending') && (
                    <button
                      type="button"
                      disabled={busy || mine(items).length === 0}
                      title={
                        mine(items).length < pending(items).length ? t('othersLeft') : undefined
                      }
                      onClick={() =>
                        void decide(
                          session.user?.role === 'administrator'
                            ? { action: 'accept', kind }
                            : { action: 'accept', keys: mine(items).map((p) => p.key) },
                        )
                      }
                    >
                      {t('acceptAll')} ({mine(items).length})
                    </button>
                  )}
                </h2>
                <ul>
                  {items.map((p) => (
                    <li
                      key={p.key}
                      className={`proposal proposal-${p.decision.status}`}
                      data-testid="proposal"
                      data-key={p.key}
                      onMouseEnter={() =>
                        setFocus(new Set(p.mentions.map((m) => `${m.start}:${m.end}`)))
                      }
                      onMouseLeave={() => setFocus(new Set())}
                    >
                      <div className="proposal-label">{p.label}</div>
                      <div className="proposal-match">
                        {p.decision.status !== 'pending' ? (
                          <span className={`badge badge-${p.decision.status}`}>
                            {t(p.decision.status)}
                            {p.decision.record && (
                              <>
                                {': '}
                                <EntityLink entity={p.decision.record} />
                              </>
                            )}
                          </span>
                        ) : p.match.status === 'existing' && p.match.record ? (
                          <span className="badge badge-existing">
                            {t('existing')}: <EntityLink entity={p.match.record} />
                          </span>
                        ) : (
                          <span className="badge badge-new">{t('new')}</span>
                        )}{' '}
                        <span className="muted" data-testid="reason">
                          {lang === 'en' ? p.match.reasonEn : p.match.reason}
                        </span>
                      </div>
                      <blockquote className="proposal-quote" title={t('quote')}>
                        {p.quote}
                      </blockquote>
                      {canAccept && p.decision.status === 'pending' && editing !== p.key && (
                        <div className="proposal-actions">
                          <button
                            type="button"
                            disabled={busy}
                            onClick={() => void decide({ action: 'accept', keys: [p.key] })}
                          >
                            {t('accept')}
                          </button>
                          {p.kind !== 'place' && (
                            <button
                              type="button"
                              className="link-button"
                              onClick={() => setEditing(p.key)}
                            >
                              {t('edit')}
                            </button>
                          )}
                          <button
                            type="button"
                            className="link-button"
                            disabled={busy}
                            onClick={() => void decide({ action: 'reject', keys: [p.key] })}
                          >
                            {t('reject')}
                          </button>
                        </div>
                      )}
                      {editing === p.key && (
                        <EditForm
                          p={p}
                          t={t}
                          onCancel={() => setEditing(null)}
                          onAccept={(edit) =>
                            void decide({
                              action: 'accept',
                              keys: [p.key],
                              ...(Object.keys(edit).length ? { edits: { [p.key]: edit } } : {}),
                            })
                          }
                        />
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ),
          )}
        </section>
      </div>
    </div>
  );
}
