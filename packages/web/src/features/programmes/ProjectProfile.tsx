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
import { useLang, type Lang } from './work-i18n.ts';
import {
  PROJECT_KINDS as KINDS,
  PROJECT_STATUSES as STATUSES,
} from '@promatlas/core/domain/vocabulary.ts';

// ECharts loads with the timeline only, on a project that has dated milestones.
const Timeline = lazy(() => import('./Timeline.tsx'));

/** The project's stages on a timeline: the project's own period, then each dated milestone. */
export function projectBars(p: Project, lang: Lang = 'ru'): TimelineBar[] {
  const bars: TimelineBar[] = [];
  if (p.date)
    bars.push({
      id: 'project',
      title: p.title,
      start: p.date.from,
      end: p.date.to,
      tone:
        p.status === 'completed' ? 'done' : p.status === 'in_progress' ? 'in_progress' : 'planned',
      state: p.status ? STATUSES.label(p.status, lang) : '',
    });
  for (const m of p.milestones)
    bars.push({
      id: m.id,
      title: m.title,
      start: m.date && m.date.precision !== 'day' ? m.date.from : null,
      end: m.date?.to ?? null,
      tone: m.done ? 'done' : 'planned',
      state: `${formatDate(m.date) ?? '—'}${m.done ? (lang === 'en' ? ' · done' : ' · пройден') : ''}`,
    });
  return bars;
}

/** The project page; its own words switch to English with the plan pages' switch. */
export function ProjectProfile() {
  const { t, lang, toggle } = useLang();
  const en = lang === 'en';
  return (
    <ProfilePage
      route={getProjectRoute}
      titleOf={(p) => p.title}
      header={(p) => (
        <ProfileHeader
          title={p.title}
          type={en ? KINDS.label(p.kind, 'en') : label(PROJECT_KINDS, p.kind)}
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
        const bars = projectBars(p, lang);
        return (
          <>
            <p className="muted small">
              <button type="button" className="link-button" onClick={toggle} data-testid="lang">
                {t('language')}
              </button>
            </p>
            <Section title={en ? 'Details' : 'Сведения'}>
              <Fields
                rows={[
                  [
                    t('status'),
                    p.status
                      ? en
                        ? STATUSES.label(p.status, 'en')
                        : label(PROJECT_STATUSES, p.status)
                      : null,
                  ],
                  [en ? 'Term' : 'Срок', formatDate(p.date), { always: true }],
                  [t('description'), p.description],
                  [t('cluster'), p.cluster ? <EntityLink entity={p.cluster} /> : null],
                  [t('site'), p.site ? <EntityLink entity={p.site} /> : null],
                  [
                    t('investment'),
                    p.investmentRub === null
                      ? null
                      : `${formatNumber(p.investmentRub)} ${en ? 'RUB' : 'руб.'}`,
                  ],
                  [t('jobs'), p.jobs === null ? null : formatNumber(p.jobs)],
                ]}
              />
            </Section>
            <RoleLinks title={en ? 'Participants' : 'Участники'} links={p.participants} />
            {p.milestones.length ? (
              <Section title={t('milestones')}>
                <ol data-testid="project-milestones">
                  {p.milestones.map((m) => (
                    <li key={m.id} data-done={m.done}>
                      {m.title} — {formatDate(m.date) ?? (en ? 'no date' : 'срок не указан')}
                      {m.done ? (en ? ' (done)' : ' (пройден)') : ''}
                    </li>
                  ))}
                </ol>
              </Section>
            ) : null}
            {bars.some((b) => b.end) ? (
              <Section title={t('timeline')}>
                <Suspense fallback={<Loading />}>
                  <Timeline
                    bars={bars}
                    marks={[]}
                    today={null}
                    lang={lang}
                    caption={
                      en
                        ? `Term of «${p.title}» and its milestones`
                        : `Сроки проекта «${p.title}» и его этапы`
                    }
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
