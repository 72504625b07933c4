import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import {
  changePasswordRoute,
  endMyOtherSessionsRoute,
  endMySessionRoute,
  endUserSessionRoute,
  endUserSessionsRoute,
  mySessionsRoute,
  totpConfirmRoute,
  totpDisableRoute,
  totpEnrolRoute,
  userSessionsRoute,
} from '@promatlas/core/api/contract/accounts.ts';
import type { RouteResponse } from '@promatlas/core/api/contract/kit.ts';
import { api, useRoute } from '../../shared/api/api.ts';
import { refreshSession, setSession, useSession } from '../../shared/auth/session.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { Field, FormButtons, FormError } from '../../shared/form/fields.tsx';
import { useForm } from '../../shared/form/useForm.ts';

function SignInFirst({ next }: { next: string }) {
  return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
}

interface PasswordChange extends Record<string, unknown> {
  currentPassword: string;
  newPassword: string;
  repeat: string;
}
const samePassword = (v: PasswordChange): Record<string, string> =>
  v.repeat && v.repeat !== v.newPassword ? { repeat: 'Пароли не совпадают' } : {};

/** «Смена пароля»: the first administrator lands here until the first-run password is replaced. */
export function ChangePasswordPage() {
  useTitle('Смена пароля');
  const session = useSession();
  const navigate = useNavigate();
  const form = useForm<PasswordChange, typeof changePasswordRoute.body>(
    { currentPassword: '', newPassword: '', repeat: '' },
    changePasswordRoute.body,
    (v) => ({ currentPassword: v.currentPassword, newPassword: v.newPassword }),
    samePassword,
  );
  const [done, setDone] = useState(false);
  if (!session.ready) return <Loading />;
  if (!session.user) return <SignInFirst next="/account/password" />;
  const forced = session.user.mustChangePassword;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (form.values.repeat !== form.values.newPassword) return;
    void form.submit(async () => {
      const viewer = await api(changePasswordRoute, { body: form.body() });
      setSession(viewer);
      await refreshSession();
      setDone(true);
      if (forced) navigate('/', { replace: true });
    });
  };
  return (
    <div className="page">
      <form
        className="record-form sign-in"
        onSubmit={onSubmit}
        noValidate
        data-testid="password-form"
      >
        <h1>Смена пароля</h1>
        {forced ? (
          <p className="notice" data-testid="password-change-required">
            Пароль, выданный при установке, нужно сменить: до этого другие действия недоступны.
          </p>
        ) : null}
        {done ? (
          <p className="notice" role="status" data-testid="password-changed">
            Пароль изменён. Другие ваши сессии завершены.
          </p>
        ) : null}
        <FormError message={form.formError} />
        <Field name="currentPassword" label="Текущий пароль" errors={form.errors} required>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="current-password"
              value={form.values.currentPassword}
              onChange={(e) => form.set('currentPassword', e.target.value)}
            />
          )}
        </Field>
        <Field
          name="newPassword"
          label="Новый пароль"
          errors={form.errors}
          required
          hint="Не короче 12 символов; не распространённый пароль и не адрес почты. Удобно — несколько случайных слов."
        >
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={form.values.newPassword}
              onChange={(e) => form.set('newPassword', e.target.value)}
            />
          )}
        </Field>
        <Field name="repeat" label="Новый пароль ещё раз" errors={form.errors} required>
          {(p) => (
            <input
              {...p}
              type="password"
              autoComplete="new-password"
              value={form.values.repeat}
              onChange={(e) => form.set('repeat', e.target.value)}
            />
          )}
        </Field>
        <FormButtons submitting={form.submitting} label="Сменить пароль" />
      </form>
    </div>
  );
}

type Enrolment = RouteResponse<typeof totpEnrolRoute>;

/** «Второй фактор»: TOTP enrolment (QR code, or the secret typed by hand), confirmation, disabling. */
export function TotpPage() {
  useTitle('Второй фактор');
  const session = useSession();
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [error, setError] = useState<string | null>(null);
  const code = useForm<{ code: string }, typeof totpConfirmRoute.body>(
    { code: '' },
    totpConfirmRoute.body,
    (v) => v,
  );
  const off = useForm<{ password: string }, typeof totpDisableRoute.body>(
    { password: '' },
    totpDisableRoute.body,
    (v) => v,
  );
  if (!session.ready) return <Loading />;
  if (!session.user) return <SignInFirst next="/account/totp" />;
  const user = session.user;
  const start = async () => {
    setError(null);
    try {
      setEnrolment(await api(totpEnrolRoute, {}));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    void code.submit(async () => {
      setSession(await api(totpConfirmRoute, { body: code.body() }));
      await refreshSession();
      setEnrolment(null);
    });
  };
  const disable = (event: FormEvent) => {
    event.preventDefault();
    void off.submit(async () => {
      setSession(await api(totpDisableRoute, { body: off.body() }));
      await refreshSession();
    });
  };
  return (
    <div className="page">
      <h1>Второй фактор (TOTP)</h1>
      {session.totpRequired ? (
        <p className="notice" data-testid="totp-required">
          Администратору нужен второй фактор: подключите приложение-аутентификатор, чтобы
          продолжить.
        </p>
      ) : null}
      <FormError message={error} />
      {user.totpEnabled ? (
        <>
          <p data-testid="totp-state">
            Второй фактор подключён: при входе спрашивается код из приложения.
          </p>
          <form
            className="record-form"
            onSubmit={disable}
            noValidate
            data-testid="totp-disable-form"
          >
            <FormError message={off.formError} />
            <Field name="password" label="Пароль, чтобы отключить" errors={off.errors} required>
              {(p) => (
                <input
                  {...p}
                  type="password"
                  autoComplete="current-password"
                  value={off.values.password}
                  onChange={(e) => off.set('password', e.target.value)}
                />
              )}
            </Field>
            <FormButtons submitting={off.submitting} label="Отключить второй фактор" />
          </form>
        </>
      ) : enrolment ? (
        <form className="record-form" onSubmit={confirm} noValidate data-testid="totp-confirm-form">
          <p>
            Отсканируйте QR-код приложением-аутентификатором (Яндекс Ключ, Google Authenticator,
            FreeOTP…) или введите секрет вручную, затем введите код из приложения.
          </p>
          <img
            className="totp-qr"
            alt="QR-код для приложения-аутентификатора"
            width={200}
            height={200}
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
            data-testid="totp-qr"
          />
          <p className="small">
            Секрет: <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <FormError message={code.formError} />
          <Field name="code" label="Код из приложения (6 цифр)" errors={code.errors} required>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                autoComplete="one-time-code"
                value={code.values.code}
                onChange={(e) => code.set('code', e.target.value)}
              />
            )}
          </Field>
          <FormButtons submitting={code.submitting} label="Подтвердить" />
        </form>
      ) : (
        <>
          <p data-testid="totp-state">Второй фактор не подключён.</p>
          <button
            type="button"
            className="button primary"
            onClick={() => void start()}
            data-testid="totp-start"
          >
            Подключить приложение-аутентификатор
          </button>
        </>
      )}
    </div>
  );
}

const when = (iso: string) =>
  new Date(iso).toLocaleString('ru-RU', { dateStyle: 'medium', timeStyle: 'short' });

/** «Сессии»: one's own open sessions (or, for an administrator, any user's), each revocable. */
export function SessionsPage() {
  const params = useParams();
  const userId = params['id'] ? Number(params['id']) : null;
  useTitle(userId ? 'Сессии пользователя' : 'Мои сессии');
  const session = useSession();
  const signedIn = Boolean(session.user);
  const mine = useRoute(mySessionsRoute, signedIn && !userId ? {} : null);
  const theirs = useRoute(
    userSessionsRoute,
    signedIn && userId ? { params: { id: userId } } : null,
  );
  const list = userId ? theirs : mine;
  const [error, setError] = useState<string | null>(null);
  if (!session.ready) return <Loading />;
  if (!session.user)
    return <SignInFirst next={userId ? `/admin/users/${userId}/sessions` : '/account/sessions'} />;
  const act = async (change: () => Promise<unknown>) => {
    setError(null);
    try {
      await change();
      list.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="page">
      {userId ? (
        <p className="muted small">
          <Link to="/admin/users">Администрирование → Пользователи</Link>
        </p>
      ) : null}
      <h1>{userId ? `Сессии пользователя ${userId}` : 'Мои сессии'}</h1>
      <FormError message={error} />
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.data ? (
        <>
          <div className="table-wrap">
            <table className="table" data-testid="sessions-table">
              <thead>
                <tr>
                  <th>Начата</th>
                  <th>Последний раз</th>
                  <th>Адрес</th>
                  <th>Браузер</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((s) => (
                  <tr key={s.id} data-testid="session-row">
                    <td>{when(s.createdAt)}</td>
                    <td>{when(s.lastSeenAt)}</td>
                    <td>{s.ip ?? '—'}</td>
                    <td className="small">{s.userAgent ?? '—'}</td>
                    <td>
                      {s.current ? (
                        <span className="muted small">эта сессия</span>
                      ) : (
                        <button
                          type="button"
                          className="button small"
                          data-testid="revoke-session"
                          onClick={() =>
                            void act(() =>
                              userId
                                ? api(endUserSessionRoute, {
                                    params: { id: userId, sessionId: s.id },
                                  })
                                : api(endMySessionRoute, { params: { id: s.id } }),
                            )
                          }
                        >
                          Завершить
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {userId ? (
              <button
                type="button"
                className="button"
                onClick={() =>
                  void act(() => api(endUserSessionsRoute, { params: { id: userId } }))
                }
                data-testid="revoke-all"
              >
                Завершить все сессии пользователя
              </button>
            ) : (
              <button
                type="button"
                className="button"
                onClick={() => void act(() => api(endMyOtherSessionsRoute, {}))}
                data-testid="revoke-others"
              >
                Завершить все сессии, кроме этой
              </button>
            )}
          </p>
        </>
      ) : (
        <Loading />
      )}
    </div>
  );
}
