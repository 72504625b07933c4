import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { z } from 'zod';
import type { User } from '@promatlas/core/api/accounts.schema.ts';
import { getEventRoute } from '@promatlas/core/api/contract/registry.ts';
import { eventWorkRoute, eventWrites } from '@promatlas/core/api/contract/programme-work.ts';
import { api } from '../../shared/api/api.ts';
import { ApiError } from '../../shared/api/client.ts';
import { FormButtons, FormError } from '../../shared/form/fields.tsx';
import { useForm } from '../../shared/form/useForm.ts';
import { ConflictDialog } from '../../shared/record-form/ConflictDialog.tsx';
import { EventFields } from './EventFields.tsx';
import {
  comparedFields,
  emptyEvent,
  eventInput,
  eventValues,
  type EventValues,
} from './event-values.ts';
import { useLang } from './i18n.tsx';
import { WorkFormPage } from './WorkFormPage.tsx';

/**
 * In English the browser does not check the input with the shared schemas
 * (their messages are Russian): the server's field messages, which come in
 * both languages, are shown at the fields instead.
 */
const ANY = z.unknown();

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

interface Conflict {
  message: string;
  current: EventValues;
  currentVersion: number;
}

function EventForm({
  user,
  initial,
  initialVersion,
  id,
}: {
  user: User;
  initial: EventValues;
  initialVersion?: number;
  id?: string;
}) {
  const { t, lang, localise } = useLang();
  const navigate = useNavigate();
  const [original, setOriginal] = useState(initial);
  const [version, setVersion] = useState(initialVersion ?? 1);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const schema = lang === 'en' ? ANY : id ? eventWrites.update.body : eventWrites.create.body;
  const form = useForm(initial, schema, (v: EventValues) =>
    id ? { ...eventInput(v), version } : eventInput(v),
  );

  const save = async (withVersion: number) => {
    try {
      if (!id) {
        const created = await api(eventWrites.create, {
          body: eventInput(form.values) as z.input<typeof eventWrites.create.body>,
        });
        navigate(`/events/${created.id}`);
        return;
      }
      const mine = eventInput(form.values);
      const loaded = eventInput(original);
      const changes = Object.fromEntries(
        Object.entries(mine).filter(
          ([key, value]) => !same(value, loaded[key as keyof typeof loaded]),
        ),
      );
      if (Object.keys(changes).length)
        await api(eventWrites.update, {
          params: { id },
          body: { ...changes, version: withVersion } as z.input<typeof eventWrites.update.body>,
        });
      navigate(`/events/${id}`);
    } catch (error) {
      if (error instanceof ApiError && error.code === 'conflict' && id) {
        // The conflict names the event by id and version: read it as it is now to compare.
        const [event, work] = await Promise.all([
          api(getEventRoute, { params: { id } }),
          api(eventWorkRoute, { params: { id } }),
        ]);
        const localised = localise(error) as ApiError;
        setConflict({
          message: localised.message,
          current: eventValues(event, work),
          currentVersion: work.version,
        });
        return;
      }
      throw localise(error);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void form.submit(() => save(version));
  };

  return (
    <form className="record-form" onSubmit={onSubmit} noValidate data-testid="event-form">
      <FormError message={form.formError} />
      <EventFields form={form} user={user} selfId={id} />
      <FormButtons
        submitting={form.submitting}
        label={id ? t('Сохранить', 'Save') : t('Создать', 'Create')}
        onCancel={() => (id ? navigate(`/events/${id}`) : navigate(-1))}
      />
      {conflict ? (
        <ConflictDialog
          message={conflict.message}
          fields={comparedFields(t, form.values, conflict.current)}
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

const loadEvent = (id: string) =>
  Promise.all([
    api(getEventRoute, { params: { id } }),
    api(eventWorkRoute, { params: { id } }),
  ]).then(([event, work]) => ({ event, work }));

/** «Новое мероприятие» and «Изменить мероприятие»: the signed-in editor's form. */
function EventFormPage({ mode }: { mode: 'create' | 'edit' }) {
  return (
    <WorkFormPage
      mode={mode}
      load={loadEvent}
      titles={{
        create: ['Новое мероприятие', 'New event'],
        editing: ['Изменение мероприятия', 'Editing an event'],
        edit: (r) => r.event.title,
      }}
      back={{ path: (id) => `/events/${id}`, label: ['к мероприятию', 'back to the event'] }}
      form={(user, r, id) =>
        r ? (
          <EventForm
            key={id}
            user={user}
            id={id}
            initial={eventValues(r.event, r.work)}
            initialVersion={r.work.version}
          />
        ) : (
          <EventForm user={user} initial={emptyEvent(user)} />
        )
      }
    />
  );
}

export const EventCreatePage = () => <EventFormPage mode="create" />;
export const EventEditPage = () => <EventFormPage mode="edit" />;
