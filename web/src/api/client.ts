/** One way to call the API: JSON in and out, bearer token attached, errors in the promised shape. */
export interface FieldError {
  path: string;
  in: 'body' | 'query' | 'path';
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fieldErrors: FieldError[] = [],
  ) {
    super(message);
  }
}

type TokenSource = { current: () => string | null; renew: () => Promise<string | null> };
let tokens: TokenSource = { current: () => null, renew: async () => null };

/** The auth provider plugs in here, so every call carries the token and renews it once on 401. */
export function setTokenSource(source: TokenSource) {
  tokens = source;
}

async function send(path: string, init: RequestInit, token: string | null) {
  return fetch(`/api${path}`, {
    ...init,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...init.headers,
    },
  });
}

export async function api<T>(path: string, init: RequestInit & { json?: unknown } = {}): Promise<T> {
  const { json, ...rest } = init;
  const request = json === undefined ? rest : { ...rest, body: JSON.stringify(json) };
  let response = await send(path, request, tokens.current());
  if (response.status === 401 && tokens.current() && !path.startsWith('/auth/')) {
    const renewed = await tokens.renew();
    if (renewed) response = await send(path, request, renewed);
  }
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error ?? 'HTTP_ERROR',
      body?.message ?? 'Er ging iets mis. Probeer het opnieuw.',
      Array.isArray(body?.details) ? body.details : [],
    );
  }
  return body as T;
}

function safeJson(text: string) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
