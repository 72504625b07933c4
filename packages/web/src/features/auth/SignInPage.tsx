import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { loginRoute } from '@promatlas/core/api/contract/accounts.ts';
import { api } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';
import { refreshSession, setSession, useSession } from '../../shared/auth/session.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { Field, FormError } from '../../shared/form/fields.tsx';
import { useForm } from '../../shared/form/useForm.ts';

interface Credentials extends Record<string, unknown> {
  email: string;
  password: string;
  totpCode: string;
}

const toInput = (v: Credentials) => ({
  email: v.email,
  password: v.password,
  ...(v.totpCode ? { totpCode: v.totpCode } : {}),
});

/** Only same-site paths are followed after sign-in (no open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

/** «Вход»: e-mail and password; the session is an HttpOnly cookie, the CSRF token comes back in the answer. */
export function SignInPage() {
  useTitle('Вход');
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const session = useSession();
  const next = safeNext(params.get('next'));
  const form = useForm<Credentials, typeof loginRoute.body>(
    { email: '', password: '', totpCode: '' },
    loginRoute.body,
    toInput,
  );
  const [retryAt, setRetryAt] = useState<string | null>(null);
  // Shown once the server says the account has a second factor.
  const [askCode, setAskCode] = useState(false);
  if (session.user && !form.submitting) return <Navigate to={next} replace />;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setRetryAt(null);
    void form.submit(async () => {
      try {
        const viewer = await api(loginRoute, { body: form.body() });
        setSession(viewer);
        await refreshSession();
        navigate(viewer.user?.mustChangePassword ? '/account/password' : next, { replace: true });
      } catch (error) {
        if (error instanceof ApiError && error.status === 429) setRetryAt(error.message);
        if (error instanceof ApiError && error.code === 'totp_required') setAskCode(true);
        throw error;
      }
    });
  };
  return (
    <div className="page">
      <form
        className="sign-in record-form"
        onSubmit={onSubmit}
        noValidate
        data-testid="sign-in-form"
      >
        <h1>Вход в PromAtlas</h1>
        <p className="muted small">
          Для редакторов, аналитиков и администраторов. Читать реестр можно без входа.
        </p>
        <FormError message={retryAt ? null : form.formError} />
        {retryAt ? (
          <div className="error" role="alert" data-testid="rate-limited">
            {retryAt}
          </div>
        ) : null}
        <Field name="email" label="Электронная почта" errors={form.errors}>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="username"
              value={form.values.email}
              onChange={(e) => form.set('email', e.target.value)}
            />
          )}
        </Field>
        <Field name="password" label="Пароль" errors={form.errors}>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={form.values.password}
              onChange={(e) => form.set('password', e.target.value)}
            />
          )}
        </Field>
        {askCode ? (
          <Field name="totpCode" label="Код из приложения-аутентификатора" errors={form.errors}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                autoComplete="one-time-code"
                autoFocus
                value={form.values.totpCode}
                onChange={(e) => form.set('totpCode', e.target.value)}
              />
            )}
          </Field>
        ) : null}
        <div className="form-buttons">
          <button
            type="submit"
            className="button primary"
            disabled={form.submitting}
            data-testid="sign-in-submit"
          >
            {form.submitting ? 'Вход…' : 'Войти'}
          </button>
        </div>
      </form>
    </div>
  );
}
