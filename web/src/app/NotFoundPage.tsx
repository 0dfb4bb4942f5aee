import { Link } from 'react-router';
import { t } from '../labels';

export function NotFoundPage() {
  return (
    <>
      <h1>{t.notFound.title}</h1>
      <p>{t.notFound.body}</p>
      <Link to="/">{t.notFound.back}</Link>
    </>
  );
}
