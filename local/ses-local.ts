import type { Server } from 'node:http';
import * as sesModule from 'aws-ses-v2-local';
import { LOCALHOST } from './net';

/** Local SES (v1 and v2 API) with its mailbox page at `/` and the raw store at `/store`. */
// A CommonJS module with `exports.default`: Node's ESM loader wraps it once more than TypeScript thinks.
const sesServer = ((sesModule.default as unknown as { default?: typeof sesModule.default }).default ??
  sesModule.default) as typeof sesModule.default;

export async function startSesLocal(options: { port: number }) {
  const server: Server = await sesServer({ host: LOCALHOST, port: options.port });
  return {
    endpoint: `http://${LOCALHOST}:${options.port}`,
    stop: () =>
      new Promise<void>((resolveClose) => {
        server.closeAllConnections();
        server.close(() => resolveClose());
      }),
  };
}
