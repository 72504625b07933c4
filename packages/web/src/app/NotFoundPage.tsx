import { Link } from 'react-router';
import { useTitle } from '../shared/lib/useTitle.ts';

export function NotFoundPage() {
  useTitle('Страница не найдена');
  return (
    <div className="page">
      <h1>Страница не найдена</h1>
      <p>
        Такого адреса в PromAtlas нет. Вернитесь <Link to="/">к карте</Link> или воспользуйтесь
        поиском.
      </p>
    </div>
  );
}
