import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy on 127.0.0.1 in front of a fake platform or the test PostgreSQL, that a test
 * switches into a fault for a while:
 * - `pass`: bytes flow both ways;
 * - `hang`: connections are accepted but nothing the client sends is forwarded (a server that
 *   never answers);
 * - `reset`: every connection, open or new, is reset (TCP RST), as a crashed peer or a dropped
 *   link looks to the client;
 * - `drop-responses`: requests reach the server but its answers are swallowed (the request was
 *   done, the client never learns it).
 * The mode is read on every chunk, so a keep-alive connection opened earlier is hit too.
 */
export type ProxyMode = 'pass' | 'hang' | 'reset' | 'drop-responses';

export class FaultyProxy {
  mode: ProxyMode = 'pass';
  /** Connections accepted since start. */
  connections = 0;
  private readonly open = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly target: { host: string; port: number },
  ) {}

  static async start(targetPort: number, targetHost = '127.0.0.1'): Promise<FaultyProxy> {
    const server = createServer();
    const proxy = new FaultyProxy(server, { host: targetHost, port: targetPort });
    server.on('connection', (client) => proxy.accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** The same URL, through the proxy (for SLACK_API_URL, DISCORD_API_URL, DATABASE_URL). */
  via(url: string): string {
    const parsed = new URL(url);
    if (parsed.hostname !== '127.0.0.1' || Number(parsed.port) !== this.target.port)
      throw new Error(`${url} is not the proxied 127.0.0.1:${this.target.port}`);
    parsed.port = String(this.port);
    return parsed.toString();
  }

  setMode(mode: ProxyMode): void {
    this.mode = mode;
    if (mode === 'reset') for (const socket of this.open) socket.resetAndDestroy();
  }

  async close(): Promise<void> {
    for (const socket of this.open) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket): void {
    this.connections++;
    if (this.mode === 'reset') return void client.resetAndDestroy();
    const upstream = connect(this.target.port, this.target.host);
    this.open.add(client);
    this.open.add(upstream);
    const forget = () => {
      this.open.delete(client);
      this.open.delete(upstream);
      client.destroy();
      upstream.destroy();
    };
    client.on('close', forget).on('error', forget);
    upstream.on('close', forget).on('error', forget);
    client.on('data', (chunk) => {
      if (this.mode === 'reset') return void client.resetAndDestroy();
      if (this.mode !== 'hang') upstream.write(chunk);
    });
    upstream.on('data', (chunk) => {
      if (this.mode === 'reset') return void client.resetAndDestroy();
      if (this.mode === 'pass') client.write(chunk);
    });
  }
}
