import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { IntakeReview } from '@promatlas/core/api/intake.schema.ts';
import { ApiError, apiSend, useApi } from '../../shared/api/client.ts';
import { useSession } from '../../shared/auth/session.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { useLang } from './i18n.ts';
import './intake.css';

interface DocumentList {
  items: Array<{
    id: number;
    title: string;
    publisher: string | null;
    published: string | null;
    format: string;
    accepted: number;
    rejected: number;
  }>;
}

/** The file's bytes as base64, for the JSON request. */
async function base64Of(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Paste or upload a document, with its publisher, date and address; lists the documents under review. */
export function IntakePage() {
  const { t, toggle, lang } = useLang();
  useTitle(t('title'));
  const session = useSession();
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [publisher, setPublisher] = useState('');
  const [published, setPublished] = useState('');
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const list = useApi<DocumentList>(session.user ? '/api/intake/documents' : null);

  if (session.ready && !session.user) return <p className="intake-note">{t('signIn')}</p>;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const body = {
        ...(file ? { file: { name: file.name, contentBase64: await base64Of(file) } } : { text }),
        publisher: publisher.trim() || null,
        published: published || null,
        url: url.trim() || null,
      };
      const review = await apiSend<IntakeReview>('POST', '/api/intake/documents', body);
      void navigate(`/intake/${review.document.id}${review.reused ? '?reused=1' : ''}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(String(e), 0, 'client'));
    } finally {
      setBusy(false);
    }
  }

  const message = (e: ApiError) =>
    lang === 'en' && typeof e.body?.['messageEn'] === 'string'
      ? new ApiError(e.body['messageEn'], e.status, e.code, e.body)
      : e;

  return (
    <div className="intake-page">
      <div className="intake-head">
        <h1>{t('title')}</h1>
        <button type="button" className="link-button" onClick={toggle} data-testid="intake-lang">
          {t('language')}
        </button>
      </div>
      <p className="intake-note">{t('intro')}</p>
      <form className="intake-form" onSubmit={(e) => void submit(e)}>
        <label>
          {t('text')}
          <textarea
            name="text"
            rows={12}
            value={text}
            onChange={(e) => setText(e.target.value)}
            disabled={file !== null}
          />
        </label>
        <label>
          {t('file')}
          <input
            type="file"
            name="file"
            accept=".txt,.docx,.html,.htm,.pdf"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <div className="intake-meta">
          <label>
            {t('publisher')}
            <input
              name="publisher"
              value={publisher}
              onChange={(e) => setPublisher(e.target.value)}
            />
          </label>
          <label>
            {t('published')}
            <input
              type="date"
              name="published"
              value={published}
              onChange={(e) => setPublished(e.target.value)}
            />
          </label>
          <label>
            {t('url')}
            <input name="url" type="url" value={url} onChange={(e) => setUrl(e.target.value)} />
          </label>
        </div>
        {error && <ErrorMessage error={message(error)} />}
        <button type="submit" disabled={busy || (!file && !text.trim())}>
          {busy ? t('reading') : t('read')}
        </button>
      </form>
      <h2>{t('recent')}</h2>
      {list.loading && !list.data && <Loading />}
      {list.data && list.data.items.length === 0 && <p className="muted">{t('none')}</p>}
      <ul className="intake-list">
        {list.data?.items.map((d) => (
          <li key={d.id}>
            <Link to={`/intake/${d.id}`}>{d.title}</Link>{' '}
            <span className="muted">
              {[d.publisher, d.published, d.format].filter(Boolean).join(' · ')} · {t('accepted')}:{' '}
              {d.accepted} · {t('rejected')}: {d.rejected}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
