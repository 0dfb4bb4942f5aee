import { isRouteErrorResponse, useRouteError } from 'react-router';

/**
 * A page that broke while loading or rendering. The usual cause after a release is a page chunk
 * of the previous version that is no longer there: a reload fetches the new version.
 */
export function RouteError() {
  const error = useRouteError();
  const stale =
    error instanceof TypeError &&
    /dynamically imported module|Importing a module script/i.test(error.message);
  return (
    <section className="narrow">
      <h1>
        {isRouteErrorResponse(error) && error.status === 404
          ? 'Pagina niet gevonden'
          : 'Deze pagina kon niet geladen worden'}
      </h1>
      <p>
        {stale
          ? 'Er is intussen een nieuwe versie van de toepassing. Herlaad de pagina om verder te werken.'
          : 'Er ging iets mis. Herlaad de pagina; lukt het dan nog niet, probeer het later opnieuw.'}
      </p>
      <button type="button" onClick={() => window.location.reload()}>
        Pagina herladen
      </button>
    </section>
  );
}
