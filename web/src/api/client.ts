import { type ApiErrorBody, type FieldError, fieldErrorsOf } from '#contract/errors-api';

/** One way to call the API: JSON in and out, bearer token attached, errors in the promised shape. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** Status 0: the server did not answer at all. */
export const networkError = () =>
  new ApiError(0, 'NETWORK', 'Geen verbinding met de server. Probeer het opnieuw.');

type TokenSource = { current: () => string | null; renew: () => Promise<string | null> };
let tokens: TokenSource = { current: () => null, renew: async () => null };

/** The auth provider plugs in here, so every call carries the token and renews it once on 401. */
export function setTokenSource(source: TokenSource) {
  tokens = source;
}

const ORGANISATION_KEY = 'sm_organisation';
const ORGANISATION_HEADER = 'x-organisation';

/** The organisation a person of several acts for; the server checks it on every request. */
export const actingOrganisation = () => window.sessionStorage.getItem(ORGANISATION_KEY);
export function setActingOrganisation(id: string | null) {
  if (id) window.sessionStorage.setItem(ORGANISATION_KEY, id);
  else window.sessionStorage.removeItem(ORGANISATION_KEY);
}

async function send(path: string, init: RequestInit, token: string | null) {
  const organisation = token ? actingOrganisation() : null;
  return fetch(`/api${path}`, {
    ...init,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(organisation ? { [ORGANISATION_HEADER]: organisation } : {}),
      ...init.headers,
    },
  });
}

/**
 * Calls `/api{path}`. Pass the query's `signal` so that a request nobody waits for any more is
 * cancelled; an aborted call rejects with the browser's AbortError, which TanStack Query expects.
 */
export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const request = json === undefined ? rest : { ...rest, body: JSON.stringify(json) };
  let response: Response;
  try {
    response = await send(path, request, tokens.current());
    if (response.status === 401 && tokens.current() && !path.startsWith('/auth/')) {
      const renewed = await tokens.renew();
      if (renewed) response = await send(path, request, renewed);
    }
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw networkError();
  }
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = body as Partial<ApiErrorBody> | undefined;
    throw new ApiError(
      response.status,
      problem?.error ?? 'HTTP_ERROR',
      problem?.message ?? 'Er ging iets mis. Probeer het opnieuw.',
      fieldErrorsOf(problem),
    );
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
