import { useState, type ComponentType, type FormEvent } from 'react';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { ZodType } from 'zod';
import type { User } from '@promatlas/core/api/editing.schema.ts';
import { ApiError, apiSend, useApi } from '../api/client.ts';
import { canEditRegistry, registryPermission } from '../auth/permissions.ts';
import { useSession } from '../auth/session.ts';
import { ErrorMessage, Loading } from '../components/common.tsx';
import { regionNamer, useRegions } from '../lib/regions.ts';
import { useTitle } from '../lib/useTitle.ts';
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

/** What a record type's create and edit pages need: schemas, conversions, fields. */
export interface RecordFormConfig<V extends Record<string, unknown>, R> {
  collection: 'organisations' | 'people' | 'sites' | 'clusters';
  createTitle: string;
  editTitle: (record: R) => string;
  createSchema: ZodType;
  updateSchema: ZodType;
  empty: (user: User) => V;
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

interface Conflict<R> {
  message: string;
  current: R;
  currentVersion: number;
}

interface Duplicate {
  message: string;
  existing: { type: string; id: string; title: string };
}

function RecordForm<V extends Record<string, unknown>, R>({
  config,
  mode,
  initial,
  initialVersion,
  recordId,
  user,
}: {
  config: RecordFormConfig<V, R>;
  mode: 'create' | 'edit';
  initial: V;
  initialVersion?: number;
  recordId?: string;
  user: User;
}) {
  const navigate = useNavigate();
  const [original, setOriginal] = useState(initial);
  const [version, setVersion] = useState(initialVersion ?? 1);
  const [conflict, setConflict] = useState<Conflict<R> | null>(null);
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null);
  const form = useForm(
    initial,
    mode === 'create' ? config.createSchema : config.updateSchema,
    mode === 'create' ? config.toInput : (values: V) => ({ ...config.toInput(values), version }),
    config.check,
  );

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
      if (mode === 'create') {
        const created = await apiSend<{ id: number }>(
          'POST',
          `/api/${config.collection}`,
          config.toInput(form.values),
        );
        navigate(`/${config.collection}/${created.id}`);
      } else {
        const body = changes();
        if (Object.keys(body).length)
          await apiSend('PATCH', `/api/${config.collection}/${recordId}`, {
            ...body,
            version: withVersion,
          });
        navigate(`/${config.collection}/${recordId}`);
      }
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict' && error.body) {
        setConflict({
          message: error.message,
          // A conflict carries the record as its profile presents it: the same type the form loaded.
          current: error.body['current'] as R,
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
    const theirs = config.toInput(config.fromRecord(conflict.current));
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
            Открыть «{duplicate.existing.title}»
          </Link>
        </div>
      ) : (
        <FormError message={form.formError} />
      )}
      <Fields form={form} mode={mode} recordId={recordId} user={user} />
      <FormButtons
        submitting={form.submitting}
        label={mode === 'create' ? 'Создать' : 'Сохранить'}
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
            const current = config.fromRecord(conflict.current);
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
export function RecordFormPage<V extends Record<string, unknown>, R extends { version: number }>({
  config,
  mode,
}: {
  config: RecordFormConfig<V, R>;
  mode: 'create' | 'edit';
}) {
  const { id } = useParams();
  const location = useLocation();
  const session = useSession();
  const record = useApi<R>(
    mode === 'edit' && id ? `/api/${config.collection}/${encodeURIComponent(id)}` : null,
  );
  const regionName = regionNamer(useRegions());
  const title =
    mode === 'create'
      ? config.createTitle
      : record.data
        ? config.editTitle(record.data)
        : 'Изменение записи';
  useTitle(title);
  const user = session.user;

  let body;
  if (!session.ready || (mode === 'edit' && record.loading)) body = <Loading />;
  else if (!user) {
    body = (
      <p className="notice">
        <Link to={`/login?next=${encodeURIComponent(location.pathname)}`}>Войдите</Link>, чтобы
        вносить изменения в реестр.
      </p>
    );
  } else if (record.error) body = <ErrorMessage error={record.error} />;
  else if (!canEditRegistry(user)) {
    body = (
      <p className="notice" data-testid="edit-denied">
        {user.role === 'analyst'
          ? 'Роль «Аналитик» не позволяет изменять реестр'
          : 'Вам не назначены регионы: обратитесь к администратору'}
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
          <Link to={`/${config.collection}/${encodeURIComponent(id)}`}>← к профилю</Link>
        </p>
      ) : null}
      <h1>{title}</h1>
      {body}
    </div>
  );
}
