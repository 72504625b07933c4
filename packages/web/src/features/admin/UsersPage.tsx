import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ROLE_LABELS, ROLES, type User } from '@promatlas/core/api/accounts.schema.ts';
import {
  createUserRoute,
  listUsersRoute,
  unlockUserRoute,
  updateUserRoute,
} from '@promatlas/core/api/contract/accounts.ts';
import { api, useRoute } from '../../shared/api/api.ts';
import { useSession } from '../../shared/auth/session.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { regionNamer, useRegions } from '../../shared/lib/regions.ts';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { Field, FormButtons, FormError } from '../../shared/form/fields.tsx';
import { useForm } from '../../shared/form/useForm.ts';

interface NewUser extends Record<string, unknown> {
  email: string;
  displayName: string;
  role: User['role'];
  regions: string[];
  password: string;
}
const EMPTY: NewUser = {
  email: '',
  displayName: '',
  role: 'regional_editor',
  regions: [],
  password: '',
};
const toInput = (v: NewUser) => ({ ...v, regions: v.role === 'regional_editor' ? v.regions : [] });

function RegionCheckboxes({
  value,
  onChange,
  id,
}: {
  value: string[];
  onChange: (codes: string[]) => void;
  id: string;
}) {
  const regions = useRegions();
  const [filter, setFilter] = useState('');
  const shown = regions.filter(
    (r) => !filter || r.name.toLowerCase().includes(filter.toLowerCase()) || value.includes(r.code),
  );
  return (
    <div>
      <input
        id={id}
        type="search"
        placeholder="Найти регион"
        value={filter}
        onChange={(e) => setFilter(e.target.value)}
        data-testid="region-filter"
      />
      <div className="region-checkboxes" data-testid="region-checkboxes">
        {shown.map((r) => (
          <label key={r.code}>
            <input
              type="checkbox"
              value={r.code}
              checked={value.includes(r.code)}
              onChange={(e) =>
                onChange(e.target.checked ? [...value, r.code] : value.filter((c) => c !== r.code))
              }
            />{' '}
            {r.name}
          </label>
        ))}
      </div>
    </div>
  );
}

function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const form = useForm<NewUser, typeof createUserRoute.body>(EMPTY, createUserRoute.body, toInput);
  const { values: v, set, errors } = form;
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(async () => {
      const user = await api(createUserRoute, { body: form.body() });
      form.reset(EMPTY);
      onCreated(user);
    });
  };
  return (
    <form className="record-form" onSubmit={onSubmit} noValidate data-testid="create-user-form">
      <FormError message={form.formError} />
      <div className="form-row">
        <Field name="email" label="Электронная почта" errors={errors} required>
          {(p) => (
            <input
              {...p}
              type="email"
              autoComplete="off"
              value={v.email}
              onChange={(e) => set('email', e.target.value)}
            />
          )}
        </Field>
        <Field name="displayName" label="Имя" errors={errors} required>
          {(p) => (
            <input
              {...p}
              value={v.displayName}
              onChange={(e) => set('displayName', e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="form-row">
        <Field name="role" label="Роль" errors={errors} required>
          {(p) => (
            <select
              {...p}
              value={v.role}
              onChange={(e) => set('role', e.target.value as User['role'])}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_LABELS[role]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          name="password"
          label="Начальный пароль"
          errors={errors}
          required
          hint="Не короче 12 символов; передайте его пользователю лично"
        >
          {(p) => (
            <input
              {...p}
              type="text"
              autoComplete="new-password"
              value={v.password}
              onChange={(e) => set('password', e.target.value)}
            />
          )}
        </Field>
      </div>
      {v.role === 'regional_editor' ? (
        <Field
          name="regions"
          label="Регионы, которые редактор может изменять"
          errors={errors}
          required
        >
          {(p) => (
            <RegionCheckboxes
              id={p.id}
              value={v.regions}
              onChange={(codes) => set('regions', codes)}
            />
          )}
        </Field>
      ) : null}
      <FormButtons submitting={form.submitting} label="Создать учётную запись" />
    </form>
  );
}

/** «Администрирование → Пользователи»: accounts with roles and regions; create, block and unblock. */
export function UsersPage() {
  useTitle('Пользователи');
  const session = useSession();
  const isAdmin = session.user?.role === 'administrator';
  const users = useRoute(listUsersRoute, isAdmin ? {} : null);
  const regionName = regionNamer(useRegions());
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!session.ready) return <Loading />;
  if (!isAdmin) {
    return (
      <div className="page">
        <h1>Пользователи</h1>
        <p className="notice">
          Эта страница доступна только администратору.{' '}
          {!session.user ? <Link to="/login?next=%2Fadmin%2Fusers">Войти</Link> : null}
        </p>
      </div>
    );
  }
  const unlock = async (user: User) => {
    setError(null);
    try {
      await api(unlockUserRoute, { params: { id: user.id } });
      setCreated(null);
      setNotice(`Задержки входа для ${user.email} сняты.`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const disableTotp = async (user: User) => {
    setError(null);
    try {
      await api(updateUserRoute, { params: { id: user.id }, body: { disableTotp: true } });
      setNotice(`Второй фактор для ${user.email} отключён.`);
      users.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const toggle = async (user: User) => {
    setError(null);
    try {
      await api(updateUserRoute, {
        params: { id: user.id },
        body: { disabled: !user.disabled },
      });
      users.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="page">
      <p className="muted small">Администрирование</p>
      <h1>Пользователи</h1>
      <FormError message={error} />
      {notice ? (
        <p className="notice" role="status" data-testid="users-notice">
          {notice}
        </p>
      ) : null}
      {users.error ? <ErrorMessage error={users.error} /> : null}
      {users.data ? (
        <div className="table-wrap">
          <table className="table users-table" data-testid="users-table">
            <thead>
              <tr>
                <th>Имя</th>
                <th>Почта</th>
                <th>Роль</th>
                <th>Регионы</th>
                <th>Состояние</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {users.data.items.map((user) => (
                <tr key={user.id} data-testid="user-row" data-email={user.email}>
                  <td className={user.disabled ? 'user-disabled' : ''}>{user.displayName}</td>
                  <td>{user.email}</td>
                  <td>{ROLE_LABELS[user.role]}</td>
                  <td>
                    {user.role === 'regional_editor' ? (
                      user.regions.map(regionName).join(', ')
                    ) : (
                      <span className="muted">все (чтение)</span>
                    )}
                  </td>
                  <td data-testid="user-state">{user.disabled ? 'заблокирован' : 'активен'}</td>
                  <td className="user-actions">
                    <button
                      type="button"
                      className="button small"
                      onClick={() => void unlock(user)}
                      data-testid="unlock-user"
                      title="Снять задержки входа после чужих неудачных попыток"
                    >
                      Снять задержки входа
                    </button>{' '}
                    {user.totpEnabled ? (
                      <button
                        type="button"
                        className="button small"
                        onClick={() => void disableTotp(user)}
                        data-testid="disable-totp"
                        title="Если пользователь потерял телефон с приложением-аутентификатором"
                      >
                        Отключить второй фактор
                      </button>
                    ) : null}{' '}
                    <Link
                      className="button small"
                      to={`/admin/users/${user.id}/sessions`}
                      data-testid="user-sessions-link"
                    >
                      Сессии
                    </Link>{' '}
                    <Link className="button small" to={`/admin/audit?userId=${user.id}`}>
                      Журнал
                    </Link>{' '}
                    {user.id !== session.user?.id ? (
                      <button
                        type="button"
                        className="button small"
                        onClick={() => void toggle(user)}
                        data-testid="toggle-user"
                      >
                        {user.disabled ? 'Разблокировать' : 'Заблокировать'}
                      </button>
                    ) : (
                      <span className="muted small">это вы</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <Loading />
      )}
      <section className="section" style={{ marginTop: '2rem' }}>
        <h2>Новая учётная запись</h2>
        {created ? (
          <p className="notice" role="status" data-testid="user-created">
            Учётная запись {created} создана.
          </p>
        ) : null}
        <CreateUserForm
          onCreated={(user) => {
            setCreated(user.email);
            users.reload();
          }}
        />
      </section>
    </div>
  );
}
