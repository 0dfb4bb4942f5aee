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
  const response = await respond(path, request);
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

/** Sends with the token, renewing it once on 401; a dropped connection becomes a status-0 error. */
async function respond(path: string, request: RequestInit): Promise<Response> {
  try {
    let response = await send(path, request, tokens.current());
    if (response.status === 401 && tokens.current() && !path.startsWith('/auth/')) {
      const renewed = await tokens.renew();
      if (renewed) response = await send(path, request, renewed);
    }
    return response;
  } catch (error) {
    if (request.signal?.aborted) throw error;
    throw networkError();
  }
}

/**
 * A file the API hands out behind the login (a CSV template): fetched with the token and saved by
 * the browser under the name the server gives it.
 */
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await respond(path, { headers: { accept: '*/*' } });
  if (!response.ok) {
    const problem = safeJson(await response.text()) as Partial<ApiErrorBody> | undefined;
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
