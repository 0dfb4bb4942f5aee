import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { dispatch } from '#http/dispatch';
import { functionGroups, groupOf, routeKeyOf } from '#http/function-groups';
import { compilePath, type RouteDef } from '#http/route-types';
import { EXPORT_FUNCTION_ENTRY, routes } from '#http/routes';
import { securityHeaders } from '#http/security-headers';
import { lambdaContext, toApiGatewayEvent } from './apigw-event';
import type { LocalAuthorizer } from './authorizer';
import { LOCALHOST } from './net';
import { repoRoot } from './paths';

type LambdaHandler = (event: unknown, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

const MAX_BODY_BYTES = 1024 * 1024; // API Gateway's limit is 10 MB; nothing of ours comes near 1 MB.

/**
 * The local stand-in for CloudFront + API Gateway: `/api/*` goes to the real Lambda handlers
 * through the route table, everything else is the built web app with SPA fallback. Like API
 * Gateway, it matches the route and invokes the function that serves it, which dispatches on the
 * route key exactly as the deployed function does (`#http/function-groups`, `#http/dispatch`).
 */
export async function startApiServer(options: {
  port: number;
  webDir: string;
  authorize: LocalAuthorizer;
  routeTable?: readonly RouteDef[];
}): Promise<{ url: string; server: Server; stop: () => Promise<void> }> {
  const table = (options.routeTable ?? routes).map((route) => ({ route, match: compilePath(route.path) }));
  const groups = functionGroups(options.routeTable ?? routes);
  const functions = new Map(
    groups.map((group) => [
      group.id,
      dispatch(
        Object.fromEntries(
          group.routes.map((route) => [routeKeyOf(route), () => import(resolve(repoRoot, route.entry))]),
        ),
      ),
    ]),
  );

  const handleApi = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const candidates = table
      .map(({ route, match }) => ({ route, params: match(url.pathname) }))
      .filter((c) => c.params !== null);
    const hit = candidates.find((c) => c.route.method === req.method);
    if (!hit) {
      // API Gateway answers unknown routes with 404 {"message":"Not Found"}.
      return sendJson(res, 404, { message: 'Not Found' });
    }
    const body = await readBody(req);
    if (body === null) return sendJson(res, 413, { message: 'Request Entity Too Large' });
    let claims: Record<string, string> | null = null;
    if (!hit.route.public) {
      claims = await options.authorize(req.headers.authorization);
      if (!claims) return sendJson(res, 401, { message: 'Unauthorized' }, { 'www-authenticate': 'Bearer' });
    }
    const event = toApiGatewayEvent(req, url, body, hit.route, hit.params ?? {}, claims);
    const group = groupOf(groups, hit.route.id);
    const result = await functions.get(group.id)!(event, lambdaContext(group.id));
    const headers: Record<string, string | string[]> = { ...(result.headers as Record<string, string>) };
    if (result.cookies?.length) headers['set-cookie'] = result.cookies;
    res.writeHead(result.statusCode ?? 200, headers);
    res.end(result.body ? Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8') : undefined);
    if (result.statusCode === 202 && (hit.route.resources as readonly string[]).includes('exports:start')) {
      runExportFunction(JSON.parse(result.body ?? '{}').id);
    }
  };

  /** What the asynchronous Lambda invocation does in AWS: the export function, after the 202. */
  const runExportFunction = (jobId: string) => {
    import(resolve(repoRoot, EXPORT_FUNCTION_ENTRY))
      .then((mod) => (mod.handler as LambdaHandler)({ jobId }, lambdaContext('export', 5 * 60_000)))
      .catch((error) => console.error('local export function failed', error));
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host ?? LOCALHOST}`);
    const work = url.pathname.startsWith('/api/')
      ? handleApi(req, res, url)
      : serveStatic(req, res, url, options.webDir);
    work.catch((error) => {
      // Handlers turn their own errors into responses; reaching here is a bug in the server.
      console.error('local server error', error);
      if (!res.headersSent) sendJson(res, 500, { message: 'Internal Server Error' });
      else res.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, LOCALHOST, () => resolveListen());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${LOCALHOST}:${port}`,
    server,
    stop: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolveBody(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, url: URL, webDir: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { allow: 'GET, HEAD' });
    return void res.end();
  }
  const root = resolve(webDir);
  const requested = normalize(join(root, decodeURIComponent(url.pathname)));
  const isFile = requested.startsWith(root) && existsSync(requested) && statSync(requested).isFile();
  // Like the CloudFront distribution: unknown paths get the app shell, the app routes them.
  const file = isFile ? requested : join(root, 'index.html');
  if (!existsSync(file)) {
    res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
    return void res.end('De web-app is nog niet gebouwd (npm run build:web).');
  }
  const hashed = /\.[0-9A-Z]{8,}\.(js|css)$/i.test(file);
  res.writeHead(200, {
    ...securityHeaders,
    'content-type': MIME[extname(file)] ?? 'application/octet-stream',
    'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file).pipe(res);
}
