import { myTasksRoute } from '@promatlas/core/api/contract/programme-work.ts';
import { useRoute } from '../../shared/api/api.ts';
import { ErrorMessage, Loading } from '../../shared/components/common.tsx';
import { useTitle } from '../../shared/lib/useTitle.ts';
import { LangToggle, useLang } from './i18n.tsx';
import { MeasureTable } from './MeasureTable.tsx';

/** «Мои задачи»: the measures whose owner is the user's organisation or the user. */
export function MyTasksPage() {
  const { t } = useLang();
  const { data, error, loading } = useRoute(myTasksRoute, { query: {} });
  useTitle(t('Мои задачи', 'My tasks'));
  if (error) return <ErrorMessage error={error} />;
  if (!data) return loading ? <Loading /> : null;
  const whose = [data.organisation?.title, data.person?.title].filter(Boolean).join(', ');
  return (
    <article data-testid="my-tasks">
      <p className="muted small">
        <LangToggle />
      </p>
      <h1>{t('Мои задачи', 'My tasks')}</h1>
      <p>
        {whose
          ? `${t('Ответственный', 'Responsible')}: ${whose}`
          : t(
              'Учётная запись не связана с организацией или персоной — обратитесь к администратору.',
              'The account is not linked to an organisation or a person: ask an administrator.',
            )}{' '}
        <a href="/api/my-tasks/export?format=xlsx">XLSX</a>{' '}
        <a href="/api/my-tasks/export?format=csv">CSV</a>
      </p>
      {data.items.length ? (
        <MeasureTable measures={data.items} testId="my-tasks-table" />
      ) : (
        <p className="muted">{t('Задач нет.', 'No tasks.')}</p>
      )}
    </article>
  );
}
