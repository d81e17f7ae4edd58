import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../log.js';
import type { HttpRoute, Publisher } from '../platforms/types.js';
import type { StoreDatabase } from '../store/types.js';
import type { ServiceMetrics } from './metrics.js';

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

async function settle(check: () => Promise<boolean>): Promise<boolean> {
  try {
    return await check();
  } catch {
    return false;
  }
}

export interface HealthDeps {
  /** Asked `ping()` for /readyz. */
  store: Pick<StoreDatabase, 'ping'>;
  /** Publishers by name, each asked `ready()` when it can tell. */
  publishers: Record<string, Publisher>;
  metrics: ServiceMetrics;
  /** False once shutdown began: readiness fails so a load balancer stops sending work. */
  live(): boolean;
}

/** /healthz (the process answers), /readyz (store and platforms reachable), /metrics (Prometheus). */
export function healthRoutes(deps: HealthDeps): HttpRoute[] {
  return [
    {
      path: '/healthz',
      method: 'GET',
      handler: (_req, res) => sendJson(res, 200, { status: 'ok' }),
    },
    {
      path: '/readyz',
      method: 'GET',
      handler: async (_req, res) => {
        const [store, ...platforms] = await Promise.all([
          settle(() => deps.store.ping()),
          ...Object.values(deps.publishers).map((p) => settle(async () => (p.ready ? p.ready() : true))),
        ]);
        const names = Object.keys(deps.publishers);
        const platformStatus = Object.fromEntries(names.map((name, i) => [name, platforms[i] ? 'ok' : 'unreachable']));
        const ready = deps.live() && store! && platforms.every(Boolean);
        sendJson(res, ready ? 200 : 503, {
          status: ready ? 'ready' : deps.live() ? 'not ready' : 'stopping',
          store: store ? 'ok' : 'unreachable',
          platforms: platformStatus,
        });
      },
    },
    {
      path: '/metrics',
      method: 'GET',
      handler: async (_req, res) => {
        const body = await deps.metrics.registry.metrics();
        res.writeHead(200, { 'content-type': deps.metrics.registry.contentType });
        res.end(body);
      },
    },
  ];
}

function allows(route: HttpRoute, method: string | undefined): boolean {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  return methods.includes((method ?? 'GET') as 'GET' | 'POST') || (method === 'HEAD' && methods.includes('GET'));
}

/** The service's one node:http server: its own routes and the platforms' endpoints, matched by path and method. */
export async function serveRoutes(
  routes: HttpRoute[],
  port: number,
  logger: Logger,
  host?: string,
): Promise<{ server: Server; port: number; close(): Promise<void> }> {
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const matching = routes.filter((r) => r.path === path);
    const route = matching.find((r) => allows(r, req.method));
    if (!route) {
      sendJson(res, matching.length ? 405 : 404, { error: matching.length ? 'method not allowed' : 'not found' });
      return;
    }
    Promise.resolve(route.handler(req, res)).catch((error: unknown) => {
      logger.error({ err: error, path }, `HTTP ${path} failed`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        Object.assign(
          new Error(
            error.code === 'EADDRINUSE'
              ? `port ${port} is in use; set http.port in the config or PORT`
              : `cannot listen on port ${port}: ${error.message}`,
          ),
          {
            cause: error,
          },
        ),
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
