import { Link } from 'react-router';
import { eventWorkRoute, eventWrites } from '@promatlas/core/api/contract/programme-work.ts';
import type { Event } from '@promatlas/core/api/registry.schema.ts';
import { api, useRoute } from '../../shared/api/api.ts';
import { canEditRegistry } from '../../shared/auth/permissions.ts';
import { useSession } from '../../shared/auth/session.ts';
import { Section } from '../../shared/components/common.tsx';
import { DecisionsEditor } from './EventDecisions.tsx';
import { ParticipantsEditor } from './EventParticipants.tsx';
import { useLang } from './i18n.tsx';
import { ProducedPlans } from './ProducedPlans.tsx';
import { DeleteRecordButton } from './work-actions.tsx';
import './programmes.css';

/**
 * The event at work, under its profile: edit and delete, participants,
 * decisions and the tasks made of them, the programmes it produced.
 */
export function EventWorkPanel({
  event,
  onChanged,
  onDeleted,
}: {
  event: Event;
  onChanged: () => void;
  onDeleted: () => void;
}) {
  const { t } = useLang();
  const { user } = useSession();
  const work = useRoute(eventWorkRoute, { params: { id: event.id } });
  const canEdit = canEditRegistry(user);
  if (!work.data) return null;
  const current = work.data;
  const changed = () => {
    work.reload();
    onChanged();
  };
  return (
    <div className="programme-work" data-testid="event-work">
      {canEdit ? (
        <div className="toolbar-buttons" role="toolbar" aria-label={t('Изменение', 'Editing')}>
          <Link className="button" to={`/events/${event.id}/edit`} data-testid="event-edit">
            {t('Изменить', 'Edit')}
          </Link>{' '}
          <DeleteRecordButton
            testId="event-delete"
            title={['Удалить мероприятие?', 'Delete the event?']}
            message={[
              `«${current.event.title}» будет помечено удалённым. Администратор может его восстановить, история сохранится.`,
              `«${current.event.title}» will be marked deleted. An administrator can restore it; its history is kept.`,
            ]}
            remove={() =>
              api(eventWrites.remove, {
                params: { id: current.event.id },
                query: { version: current.version },
              })
            }
            onDeleted={onDeleted}
          />
        </div>
      ) : null}
      {work.data.agenda ? (
        <Section title={t('Повестка', 'Agenda')}>
          <p className="agenda" data-testid="agenda">
            {work.data.agenda}
          </p>
        </Section>
      ) : null}
      {canEdit ? (
        <ParticipantsEditor work={work.data} canEdit={canEdit} onChanged={changed} />
      ) : null}
      <DecisionsEditor work={work.data} user={user} canEdit={canEdit} onChanged={changed} />
      <ProducedPlans work={work.data} event={event} canEdit={canEdit} onChanged={changed} />
    </div>
  );
}
