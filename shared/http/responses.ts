import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export interface HandlerResult {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Set-Cookie values; API Gateway payload 2.0 carries them apart from the headers. */
  cookies?: string[];
  /** The body is base64 of bytes (a spreadsheet), which API Gateway decodes on the way out. */
  base64?: boolean;
}

export const ok = (body: unknown, extra: Omit<HandlerResult, 'body' | 'status'> = {}): HandlerResult => ({
  status: 200,
  body,
  ...extra,
});
export const created = (body: unknown): HandlerResult => ({ status: 201, body });
export const accepted = (body?: unknown): HandlerResult => ({ status: 202, body });
/** A non-JSON answer, e.g. an iCalendar feed. */
export const textBody = (
  body: string,
  contentType: string,
  headers: Record<string, string> = {},
): HandlerResult => ({
  status: 200,
  body,
  headers: { 'content-type': contentType, ...headers },
});
/** A file to download, e.g. a spreadsheet template: its bytes, its type and the name it saves as. */
export const fileBody = (bytes: Buffer, contentType: string, filename: string): HandlerResult => ({
  status: 200,
  body: bytes.toString('base64'),
  base64: true,
  headers: { 'content-type': contentType, 'content-disposition': `attachment; filename="${filename}"` },
});
export const noContent = (extra: Omit<HandlerResult, 'body' | 'status'> = {}): HandlerResult => ({
  status: 204,
  ...extra,
});

const BASE_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  // API answers carry personal data: never let a shared cache keep them.
  'cache-control': 'no-store',
};

export function toApiResponse(result: HandlerResult, requestId: string): APIGatewayProxyStructuredResultV2 {
  const status = result.status ?? 200;
  return {
    statusCode: status,
    headers: { ...BASE_HEADERS, 'x-request-id': requestId, ...result.headers },
    body:
      status === 204 || result.body === undefined
        ? ''
        : isRaw(result)
          ? result.body
          : JSON.stringify(result.body),
    ...(result.cookies ? { cookies: result.cookies } : {}),
    ...(result.base64 ? { isBase64Encoded: true } : {}),
  };
}

export function errorBody(code: string, message: string, details?: unknown) {
  return details === undefined ? { error: code, message } : { error: code, message, details };
}

/** A handler that sets its own content type and hands a string (a CSV, a calendar) sends it as is. */
const isRaw = (result: HandlerResult): result is HandlerResult & { body: string } =>
  typeof result.body === 'string' && Boolean(result.headers?.['content-type']);
