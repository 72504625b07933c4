import { useState, type ComponentType, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { ZodType } from 'zod';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import type { ApiRoute, RouteResponse } from '@promatlas/core/api/contract/kit.ts';
import { api, useRoute } from '../api/api.ts';
import { ApiError, type ApiState } from '../api/client.ts';
import { canEditRegistry, registryPermission } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { ErrorMessage, Loading } from '../components/common.tsx';
import { regionNamer, useRegions } from '../lib/regions.ts';
import { useTitle } from '../lib/useTitle.ts';
import { useT } from '../lib/language.ts';
import { FormButtons, FormError } from '../form/fields.tsx';
import { useForm, type FieldErrors, type Form } from '../form/useForm.ts';
import { ConflictDialog, type ComparedField } from './ConflictDialog.tsx';

type Input = Record<string, unknown>;

export interface FieldsProps<V> {
  form: Form<V>;
  mode: 'create' | 'edit';
  /** The record's id when editing (to leave it out of its own possible duplicates). */
  recordId?: string;
  user: User;
}

/** A record's routes in the API contract: its profile (read), create and update. */
export interface RecordRoutes {
  get: ApiRoute & { method: 'GET'; path: `${string}/:id`; response: ZodType<{ version: number }> };
  create: ApiRoute & { method: 'POST'; body: ZodType; response: ZodType<{ id: number }> };
  update: ApiRoute & { method: 'PATCH'; path: `${string}/:id`; body: ZodType };
}

/** What a record type's create and edit pages need: routes, conversions, fields. */
export interface RecordFormConfig<
  V extends Record<string, unknown>,
  Routes extends RecordRoutes,
  R = RouteResponse<Routes['get']>,
> {
  /** The pages' path segment: /organisations/new, /organisations/:id/edit. */
  collection: 'organisations' | 'people' | 'sites' | 'clusters' | 'projects';
  /** The forms check their input with the create and update routes' own body schemas. */
  routes: Routes;
  /** The titles: Russian, or Russian and English. */
  createTitle: string | readonly [ru: string, en: string];
  editTitle: (record: R) => string | readonly [ru: string, en: string];
  empty: (user: User) => V;
  /** The form values of the record as the API reads it (also the current record of a conflict). */
  fromRecord: (record: R) => V;
  /** The API body (without version). */
  toInput: (values: V) => Input;
  check?: (values: V) => FieldErrors;
  /** Fields shown side by side in the conflict dialog: label and API key, with a formatter. */
  compared: Array<{ label: string; key: string; format?: (value: unknown) => string }>;
  regionsOf: (record: R) => Array<string | null>;
  anyEditorWhenNoRegion?: boolean;
  Fields: ComponentType<FieldsProps<V>>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (Array.isArray(value))
    return value
      .map((v) =>
        typeof v === 'object' && v && 'code' in v
          ? String((v as { code: string }).code)
          : String(v),
      )
      .join('; ');
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return String(value);
}

interface Conflict<V> {
  message: string;
  /** The record as saved by the other editor, as form values. */
  current: V;
  currentVersion: number;
}

interface Duplicate {
  message: string;
  existing: { type: string; id: string; title: string };
}

function RecordForm<V extends Record<string, unknown>, Routes extends RecordRoutes>({
  config,
  mode,
  initial,
  initialVersion,
  recordId,
  user,
}: {
  config: RecordFormConfig<V, Routes>;
  mode: 'create' | 'edit';
  initial: V;
  initialVersion?: number;
  recordId?: string;
  user: User;
}) {
  const navigate = useNavigate();
  const t = useT();
  const [original, setOriginal] = useState(initial);
  const [version, setVersion] = useState(initialVersion ?? 1);
  const [conflict, setConflict] = useState<Conflict<V> | null>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const form = useForm(
    initial,
    mode === 'create' ? config.routes.create.body : config.routes.update.body,
    mode === 'create' ? config.toInput : (values: V) => ({ ...config.toInput(values), version }),
    config.check,
  );

  // Typed by the routes' common shape: the record type's own bodies are checked by their schemas.
  const routes: RecordRoutes = config.routes;

  /** Only what changed since the form was loaded is sent, so the history shows just that. */
  const changes = () => {
    const mine = config.toInput(form.values);
    const loaded = config.toInput(original);
    return Object.fromEntries(
      Object.entries(mine).filter(([key, value]) => !same(value, loaded[key])),
    );
  };

  const save = async (withVersion: number) => {
    setDuplicate(null);
    try {
      // The bodies were checked by the routes' own schemas (useForm) before save runs.
      if (mode === 'create') {
        const created = await api(routes.create, { body: config.toInput(form.values) });
        navigate(`/${config.collection}/${created.id}`);
      } else {
        const body = changes();
        if (Object.keys(body).length)
          await api(routes.update, {
            params: { id: recordId! },
            body: { ...body, version: withVersion },
          });
        navigate(`/${config.collection}/${recordId}`);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict' && error.body) {
        setConflict({
          message: error.message,
          // A conflict carries the record as its profile presents it: the type the form loaded.
          current: config.fromRecord(error.body['current'] as RouteResponse<Routes['get']>),
          currentVersion: Number(error.body['currentVersion']),
        });
        return;
      }
      if (error instanceof ApiError && error.code === 'duplicate' && error.body?.['existing']) {
        setDuplicate({
          message: error.message,
          existing: error.body['existing'] as Duplicate['existing'],
        });
        form.showApiError(
          new ApiError(error.message, error.status, error.code, {
            ...error.body,
            fields: [{ field: String(error.body['field']), message: error.message, messageEn: '' }],
          }),
        );
        return;
      }
      throw error;
    }
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void form.submit(() => save(version));
  };

  const compared = (): ComparedField[] => {
    if (!conflict) return [];
    const mine = config.toInput(form.values);
    const theirs = config.toInput(conflict.current);
    return config.compared.map(({ label, key, format = formatValue }) => ({
      label,
      mine: format(mine[key]),
      theirs: format(theirs[key]),
    }));
  };

  const { Fields } = config;
  return (
    <form className="record-form" onSubmit={onSubmit} noValidate data-testid="record-form">
      {duplicate ? (
        <div className="error" role="alert" data-testid="duplicate">
          {duplicate.message}.{' '}
          <Link
            to={`/${config.collection}/${encodeURIComponent(duplicate.existing.id)}`}
            data-testid="duplicate-link"
          >
            {t('Открыть', 'Open')} «{duplicate.existing.title}»
          </Link>
        </div>
      ) : (
        <FormError message={form.formError} />
      )}
      <Fields form={form} mode={mode} recordId={recordId} user={user} />
      <FormButtons
        submitting={form.submitting}
        label={mode === 'create' ? t('Создать', 'Create') : t('Сохранить', 'Save')}
        onCancel={() =>
          mode === 'edit' ? navigate(`/${config.collection}/${recordId}`) : navigate(-1)
        }
      />
      {conflict ? (
        <ConflictDialog
          message={conflict.message}
          fields={compared()}
          currentVersion={conflict.currentVersion}
          onClose={() => setConflict(null)}
          onReapply={() => {
            const next = conflict.currentVersion;
            setConflict(null);
            setVersion(next);
            void form.submit(() => save(next));
          }}
          onTakeCurrent={() => {
            const current = conflict.current;
            setConflict(null);
            setVersion(conflict.currentVersion);
            setOriginal(current);
            form.reset(current);
          }}
        />
      ) : null}
    </form>
  );
}

/** «Новая организация» or «Изменить»: the record's form, loaded fresh, with the viewer's rights checked first. */
export function RecordFormPage<V extends Record<string, unknown>, Routes extends RecordRoutes>({
  config,
  mode,
}: {
  config: RecordFormConfig<V, Routes>;
  mode: 'create' | 'edit';
}) {
  const { id } = useParams();
  const t = useT();
  const location = useLocation();
  const session = useSession();
  const get: RecordRoutes['get'] = config.routes.get;
  const record = useRoute(get, mode === 'edit' && id ? { params: { id } } : null) as ApiState<
    RouteResponse<Routes['get']>
  >;
  const regionName = regionNamer(useRegions());
  const inLang = (words: string | readonly [string, string]) =>
    typeof words === 'string' ? words : t(words[0], words[1]);
  const title =
    mode === 'create'
      ? inLang(config.createTitle)
      : record.data
        ? inLang(config.editTitle(record.data))
        : t('Изменение записи', 'Editing a record');
  useTitle(title);
  const user = session.user;

  let body;
  if (!session.ready || (mode === 'edit' && record.loading)) body = <Loading />;
  else if (!user) {
    body = (
      <p className="notice">
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>
          {t('Войдите', 'Sign in')}
        </Link>
        {t(', чтобы вносить изменения в реестр.', ' to change the registry.')}
      </p>
    );
  } else if (record.error) body = <ErrorMessage error={record.error} />;
  else if (!canEditRegistry(user)) {
    body = (
      <p className="notice" data-testid="edit-denied">
        {user.role === 'analyst'
          ? t(
              'Роль «Аналитик» не позволяет изменять реестр',
              'The analyst role may not change the registry',
            )
          : t(
              'Вам не назначены регионы: обратитесь к администратору',
              'No regions are granted to you: ask an administrator',
            )}
      </p>
    );
  } else if (mode === 'edit' && record.data) {
    const permission = registryPermission(user, config.regionsOf(record.data), {
      anyEditorWhenNoRegion: config.anyEditorWhenNoRegion,
      regionName,
    });
    body = permission.allowed ? (
      <RecordForm
        key={id}
        config={config}
        mode="edit"
        initial={config.fromRecord(record.data)}
        initialVersion={record.data.version}
        recordId={id}
        user={user}
      />
    ) : (
      <p className="notice" data-testid="edit-denied">
        {permission.reason}
      </p>
    );
  } else {
    body = <RecordForm config={config} mode="create" initial={config.empty(user)} user={user} />;
  }
  return (
    <div className="page form-page">
      {mode === 'edit' && id ? (
        <p className="muted small">
          <Link to={`/${config.collection}/${encodeURIComponent(id)}`}>
            ← {t('к профилю', 'to the profile')}
          </Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      {body}
    </div>
  );
}
