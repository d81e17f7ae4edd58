import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** One request as the fake web server received it. */
export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. "/feed.xml?x=1". */
  path: string;
  headers: IncomingHttpHeaders;
}

/** A canned answer: status (200), headers, body. */
export interface CannedResponse {
  status?: number;
  headers?: Record<string, string | number>;
  body?: string | Buffer;
}

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/**
 * A small HTTP server on 127.0.0.1 (port chosen by the OS) that answers per path and records every
 * request, for tests of anything that fetches over HTTP. Unknown paths answer 404.
 *
 *   const web = await WebServer.start();
 *   web.route('/feed.xml', { headers: { 'content-type': 'application/rss+xml' }, body: xml });
 *   await fetchSomething(web.url('/feed.xml'));
 *   expect(web.requests[0].headers['user-agent']).toMatch(/newsdigest/);
 */
export class WebServer {
  readonly requests: RecordedRequest[] = [];
  private readonly routes = new Map<string, CannedResponse | RouteHandler>();
  private readonly sockets = new Set<Socket>();

  private constructor(private readonly server: Server) {}

  static async start(): Promise<WebServer> {
    const server = createServer();
    const web = new WebServer(server);
    server.on('request', (req, res) => void web.handle(req, res));
    server.on('connection', (socket) => {
      web.sockets.add(socket);
      socket.on('close', () => web.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return web;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  url(path = '/'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Answers `path` (without query) with a canned response or a handler; replaces an earlier route. */
  route(path: string, response: CannedResponse | RouteHandler): this {
    this.routes.set(path, response);
    return this;
  }

  /** Requests received for one path (query ignored). */
  requestsFor(path: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.split('?')[0] === path);
  }

  async close(): Promise<void> {
    // Handlers that never answer (timeout tests) would keep close() waiting: cut their sockets.
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = req.url ?? '/';
    this.requests.push({ method: req.method ?? 'GET', path, headers: req.headers });
    const route = this.routes.get(path.split('?')[0] ?? path);
    try {
      if (!route) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      } else if (typeof route === 'function') {
        await route(req, res);
      } else {
        const body = route.body ?? '';
        // Like a real server, declare the length of a canned body (tests may override it).
        res.writeHead(route.status ?? 200, { 'content-length': Buffer.byteLength(body), ...route.headers }).end(body);
      }
    } catch (error) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  }
}
