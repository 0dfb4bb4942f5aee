import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type {
  APIGatewayProxyEventV2WithJWTAuthorizer,
  APIGatewayProxyStructuredResultV2,
  Context,
} from 'aws-lambda';
import type { EmptyAnswer, FileAnswer } from '#contract/api-route';
import type { ErrorBody } from '#contract/errors';
import { ORGANISATION_HEADER } from '#contract/memberships';
import { HttpError, validationFailed } from '#kernel/errors';
import { type Part, parseParts } from '#kernel/validation';
import type * as z from '#kernel/zod';
import { logger } from '#platform/log/logger';
import { metricsFlush } from '#platform/metrics';
import { refuseWritesToArchivedYear } from './archived-year';
import { type Caller, type JwtClaims, resolveCaller } from './caller';
import { dynamoIdentityStore, type IdentityStore } from './identities';
import { dynamoMemberships, type MembershipLookup } from './memberships';
import { assertNational } from './region';
import { errorBody, type HandlerResult, toApiResponse } from './responses';
import type { RouteDef } from './route-types';

type Parsed<I> = {
  [K in Part]: K extends keyof I ? (I[K] extends z.ZodType ? z.output<I[K]> : undefined) : undefined;
};

export type CallerOf<R extends RouteDef> = R['public'] extends true ? null : Caller;

export interface HandlerInputBase<R extends RouteDef> {
  caller: CallerOf<R>;
  event: APIGatewayProxyEventV2WithJWTAuthorizer;
  context: Context;
  log: typeof logger;
}
/** What a handler gets: the caller, and the parts of the request its route reads, parsed. */
export type HandlerInput<R extends RouteDef> = HandlerInputBase<R> & Parsed<R['input']>;

type Extra = Pick<HandlerResult, 'headers' | 'cookies'>;
type AnswerAt<S, A> = A extends z.ZodType
  ? { status: S; body: z.input<A> } & Extra
  : A extends FileAnswer
    ? { status: S; body: string; headers: Record<string, string> } & Extra
    : A extends EmptyAnswer
      ? { status: S; body?: undefined } & Extra
      : never;

/** A refusal a handler returns itself rather than throws (e.g. to clear a cookie with it). */
type Refusal = { status: 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 503; body: ErrorBody } & Extra;

/**
 * What a handler may return: one of its route's declared answers (`answers` in `#contract/api`),
 * its body of the declared schema's type, or an error answer. A body that does not match the
 * route's answer fails the typecheck.
 */
export type AnswerOf<R extends RouteDef> =
  | { [S in keyof R['answers']]: AnswerAt<S, R['answers'][S]> }[keyof R['answers']]
  | Refusal;

export type Handler<R extends RouteDef> = (input: HandlerInput<R>) => Promise<AnswerOf<R>>;

export interface HandlerOptions {
  identities?: IdentityStore;
  memberships?: MembershipLookup;
}

/** The wrapper for a route given whole; `defineHandler` looks it up by id. */
export function handlerFor<R extends RouteDef>(route: R, fn: Handler<R>, options: HandlerOptions = {}) {
  const identities = options.identities ?? dynamoIdentityStore;
  const schemas = route.input;

  const core = async (
    event: APIGatewayProxyEventV2WithJWTAuthorizer,
    context: Context,
  ): Promise<APIGatewayProxyStructuredResultV2> => {
    const requestId = context.awsRequestId;
    try {
      const caller = route.public
        ? null
        : await resolveCaller(
            event.requestContext?.authorizer?.jwt?.claims as JwtClaims | undefined,
            route.roles,
            identities,
            requestedOrganisation(event, options.memberships ?? dynamoMemberships),
          );
      if (caller) logger.appendKeys({ userId: caller.userId, role: caller.role });
      if (caller && route.nationalOnly) assertNational(caller);
      await refuseWritesToArchivedYear(route);
      const parsed = parseParts(schemas, {
        path: event.pathParameters ?? {},
        query: event.queryStringParameters ?? {},
        body: readJsonBody(event, schemas.body !== undefined),
      });
      const result = (await fn({
        path: undefined,
        query: undefined,
        body: undefined,
        ...(parsed as object),
        caller: caller as CallerOf<R>,
        event,
        context,
        log: logger,
      } as HandlerInput<R>)) as HandlerResult;
      return toApiResponse(result, requestId);
    } catch (error) {
      return toErrorResponse(error, requestId);
    }
  };

  return middy(core)
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(metricsFlush());
}

function requestedOrganisation(
  event: APIGatewayProxyEventV2WithJWTAuthorizer,
  memberships: MembershipLookup,
) {
  const organisationId = event.headers?.[ORGANISATION_HEADER]?.trim();
  return organisationId ? { organisationId, memberships } : undefined;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/**
 * The JSON body, if any. A body under another content type is refused (415) rather than guessed at,
 * and a route that expects a body gets a field error, never a 500, for a missing or `null` one.
 */
function readJsonBody(event: APIGatewayProxyEventV2WithJWTAuthorizer, expected: boolean): unknown {
  const missing = validationFailed([
    { path: '', in: 'body', message: 'Stuur de gegevens mee als JSON-object.' },
  ]);
  if (event.body === undefined || event.body === null || event.body === '') {
    if (expected) throw missing;
    return undefined;
  }
  const type = event.headers?.['content-type'] ?? event.headers?.['Content-Type'] ?? '';
  if (!JSON_TYPE.test(type)) {
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'Stuur de gegevens als JSON (Content-Type: application/json).',
    );
  }
  const text = event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw validationFailed([{ path: '', in: 'body', message: 'De inhoud is geen geldige JSON.' }]);
  }
  if (expected && (body === null || typeof body !== 'object')) throw missing;
  return body;
}

export function toErrorResponse(error: unknown, requestId: string): APIGatewayProxyStructuredResultV2 {
  if (error instanceof HttpError) {
    if (error.status >= 500) logger.error('Request failed', { code: error.code, error });
    else logger.info('Request refused', { status: error.status, code: error.code });
    return toApiResponse(
      { status: error.status, body: errorBody(String(error.code), error.message, error.details) },
      requestId,
    );
  }
  // Unknown errors are logged in full for us and reported to the caller with no detail at all.
  logger.error('Unhandled error', error as Error);
  return toApiResponse(
    {
      status: 500,
      body: errorBody('INTERNAL', 'Er ging iets mis aan onze kant. Probeer het later opnieuw.', {
        requestId,
      }),
    },
    requestId,
  );
}
