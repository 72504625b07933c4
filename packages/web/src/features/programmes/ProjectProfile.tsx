import { lazy, Suspense } from 'react';
import { getProjectRoute } from '@promatlas/core/api/contract/registry.ts';
import type { Project } from '@promatlas/core/api/registry.schema.ts';
import { EntityLink, Fields, Loading, Section } from '../../shared/components/common.tsx';
import { FactList, RoleLinks } from '../../shared/components/facts.tsx';
import { ProfileHeader } from '../../shared/components/ProfileHeader.tsx';
import { formatDate, formatNumber } from '../../shared/lib/format.ts';
import { PROJECT_KINDS, PROJECT_STATUSES, label } from '../../shared/lib/labels.ts';
import { SupportList } from '../../shared/components/SupportList.tsx';
import { ProfilePage } from '../../shared/profile/ProfilePage.tsx';
import type { TimelineBar } from './Timeline.tsx';

// ECharts loads with the timeline only, on a project that has dated milestones.
const Timeline = lazy(() => import('./Timeline.tsx'));

/** The project's stages on a timeline: the project's own period, then each dated milestone. */
export function projectBars(p: Project): TimelineBar[] {
  const bars: TimelineBar[] = [];
  if (p.date)
    bars.push({
      id: 'project',
      title: p.title,
      start: p.date.from,
      end: p.date.to,
      tone:
        p.status === 'completed' ? 'done' : p.status === 'in_progress' ? 'in_progress' : 'planned',
      state: p.status ? label(PROJECT_STATUSES, p.status) : '',
    });
  for (const m of p.milestones)
    bars.push({
      id: m.id,
      title: m.title,
      start: m.date && m.date.precision !== 'day' ? m.date.from : null,
      end: m.date?.to ?? null,
      tone: m.done ? 'done' : 'planned',
      state: `${formatDate(m.date) ?? '—'}${m.done ? ' · пройден' : ''}`,
    });
  return bars;
}

export function ProjectProfile() {
  return (
    <ProfilePage
      route={getProjectRoute}
      titleOf={(p) => p.title}
      header={(p) => (
        <ProfileHeader
          title={p.title}
          type={label(PROJECT_KINDS, p.kind)}
          region={p.region}
          source={p.source}
        />
      )}
      history="project"
      editing={(p) => ({
        type: 'project',
        id: String(p.id),
        title: p.title,
        version: p.version,
        regions: [p.region?.code ?? null],
        actions: ['edit', 'delete', 'fact'],
      })}
    >
      {(p) => {
        const bars = projectBars(p);
        return (
          <>
            <Section title="Сведения">
              <Fields
                rows={[
                  ['Статус', p.status ? label(PROJECT_STATUSES, p.status) : null],
                  ['Срок', formatDate(p.date), { always: true }],
                  ['Описание', p.description],
                  ['Кластер', p.cluster ? <EntityLink entity={p.cluster} /> : null],
                  ['Площадка', p.site ? <EntityLink entity={p.site} /> : null],
                  [
                    'Инвестиции',
                    p.investmentRub === null ? null : `${formatNumber(p.investmentRub)} руб.`,
                  ],
                  ['Рабочие места', p.jobs === null ? null : formatNumber(p.jobs)],
                ]}
              />
            </Section>
            <RoleLinks title="Участники" links={p.participants} />
            {p.milestones.length ? (
              <Section title="Этапы">
                <ol data-testid="project-milestones">
                  {p.milestones.map((m) => (
                    <li key={m.id} data-done={m.done}>
                      {m.title} — {formatDate(m.date) ?? 'срок не указан'}
                      {m.done ? ' (пройден)' : ''}
                    </li>
                  ))}
                </ol>
              </Section>
            ) : null}
            {bars.some((b) => b.end) ? (
              <Section title="Диаграмма сроков">
                <Suspense fallback={<Loading />}>
                  <Timeline
                    bars={bars}
                    marks={[]}
                    today={null}
                    lang="ru"
                    caption={`Сроки проекта «${p.title}» и его этапы`}
                  />
                </Suspense>
              </Section>
            ) : null}
            <FactList facts={p.facts} />
            <SupportList support={p.support} />
          </>
        );
      }}
    </ProfilePage>
  );
}
