import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import { logger } from '#platform/log/logger';
import { errorBody, toApiResponse } from './responses';

type ApiEvent = APIGatewayProxyEventV2WithJWTAuthorizer;
type RouteHandler = (event: ApiEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Route key (`GET /api/requests/{studentId}`) → the handler module of that route, loaded on demand. */
export type RouteModules = Readonly<Record<string, () => Promise<{ handler: RouteHandler }>>>;

/**
 * The handler of a function that serves several routes (see `function-groups.ts`). API Gateway has
 * already matched the request to a route and says which in `event.routeKey`, so dispatching is one
 * lookup: no path is matched twice, and the route's own handler (from `defineHandler`) does the rest.
 * A route's module is loaded the first time the route is called, and stays loaded.
 */
export function dispatch(modules: RouteModules) {
  const handlers = new Map<string, Promise<RouteHandler>>();
  return async (event: ApiEvent, context: Context): Promise<APIGatewayProxyStructuredResultV2> => {
    const load = Object.hasOwn(modules, event.routeKey) ? modules[event.routeKey] : undefined;
    if (!load) {
      // Only a route integrated with the wrong function gets here: a deploy mistake, not a caller's.
      logger.error('No handler for this route in this function', { routeKey: event.routeKey });
      return toApiResponse(
        { status: 404, body: errorBody('NOT_FOUND', 'Deze route bestaat niet.') },
        context.awsRequestId,
      );
    }
    let handler = handlers.get(event.routeKey);
    if (!handler) {
      handler = load().then((mod) => mod.handler);
      handlers.set(event.routeKey, handler);
      // A module that failed to load is tried again by the next request, not remembered as failed.
      handler.catch(() => handlers.delete(event.routeKey));
    }
    return (await handler)(event, context);
  };
}
