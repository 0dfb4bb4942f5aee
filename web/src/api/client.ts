/** One way to call the API: JSON in and out, and errors in the shape the API promises. */
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

export async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`/api${path}`, {
    ...init,
    headers: {
      accept: 'application/json',
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...init.headers,
    },
  });
  const text = await response.text();
  const body = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      body?.error ?? 'HTTP_ERROR',
      body?.message ?? response.statusText,
      Array.isArray(body?.details) ? body.details : [],
    );
  }
  return body as T;
}
