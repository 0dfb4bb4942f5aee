import type { ApiAnswer, ApiInput, ApiKey } from '#contract/api';
import type { ErrorBody } from '#contract/errors';
import { type FieldError, fieldErrorsOf } from '#contract/field-errors';

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

async function send(url: string, init: RequestInit, token: string | null) {
  const organisation = token ? actingOrganisation() : null;
  return fetch(url, {
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

/** A route's input with the query's `signal`, so a request nobody waits for any more is cancelled. */
export type CallOptions<K extends ApiKey> = ApiInput<K> & { signal?: AbortSignal };
/** The options may be left out when the route needs no input. */
type Options<K extends ApiKey> =
  Record<never, never> extends ApiInput<K> ? [options?: CallOptions<K>] : [options: CallOptions<K>];

type LooseInput = { path?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };

/** `/api/students/{id}` with the path parameters filled in and the query appended. */
export function urlOf(template: string, { path, query }: LooseInput): string {
  const filled = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String(path?.[name] ?? '')),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

/**
 * Calls a route of the contract, named as in HTTP (`'GET /api/students/{id}'`), with its typed
 * input (`{ path, query, body }`) and answer. An aborted call rejects with the browser's AbortError,
 * which TanStack Query expects.
 */
export async function api<K extends ApiKey>(route: K, ...[options]: Options<K>): Promise<ApiAnswer<K>> {
  const [method, template] = route.split(' ') as [string, string];
  const { signal, body, ...input } = (options ?? {}) as LooseInput & { signal?: AbortSignal };
  const request: RequestInit = {
    method,
    ...(signal ? { signal } : {}),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  const response = await respond(urlOf(template, input), request);
  const text = await response.text();
  const answer = text ? safeJson(text) : undefined;
  if (!response.ok) {
    const problem = answer as Partial<ErrorBody> | undefined;
    throw new ApiError(
      response.status,
      problem?.error ?? 'HTTP_ERROR',
      problem?.message ?? 'Er ging iets mis. Probeer het opnieuw.',
      fieldErrorsOf(problem),
    );
  }
  return answer as ApiAnswer<K>;
}

/** Sends with the token, renewing it once on 401; a dropped connection becomes a status-0 error. */
async function respond(url: string, request: RequestInit): Promise<Response> {
  try {
    let response = await send(url, request, tokens.current());
    if (response.status === 401 && tokens.current() && !url.startsWith('/api/auth/')) {
      const renewed = await tokens.renew();
      if (renewed) response = await send(url, request, renewed);
    }
    return response;
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw networkError();
  }
}

type QueryOf<K extends ApiKey> = NonNullable<ApiInput<K> extends { query?: infer Q } ? Q : never>;

/**
 * A list's filters as its page keeps them in the URL (`track=dual&status=open`), as the query of
 * `route`, with `extra` (a page's cursor) on top. The filters offer only the contract's values and
 * the server checks every one (400), so the strings are taken for the route's query as they are.
 */
export function queryOf<K extends ApiKey>(
  _route: K,
  search: string,
  extra: Record<string, string | null> = {},
): QueryOf<K> {
  const params = Object.fromEntries(new URLSearchParams(search));
  for (const [key, value] of Object.entries(extra)) if (value) params[key] = value;
  return params as QueryOf<K>;
}

/**
 * A file the API hands out behind the login (a CSV template): fetched with the token and saved by
 * the browser under the name the server gives it.
 */
export async function downloadFile<K extends ApiKey>(
  route: K,
  input: ApiInput<K>,
  fallbackName: string,
): Promise<void> {
  const template = route.slice(route.indexOf(' ') + 1);
  const response = await respond(urlOf(template, input as LooseInput), { headers: { accept: '*/*' } });
  if (!response.ok) {
    const problem = safeJson(await response.text()) as Partial<ErrorBody> | undefined;
    throw new ApiError(
      response.status,
      problem?.error ?? 'HTTP_ERROR',
      problem?.message ?? 'Het bestand kon niet gedownload worden.',
    );
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
