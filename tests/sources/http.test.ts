import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, formatBytes, HttpClient, parseRetryAfter } from '../../src/sources/http.js';
import { UserError } from '../../src/errors.js';
import { WebServer } from '../fakes/web-server.js';

let web: WebServer;
let client: HttpClient;
let quick: HttpClient;

beforeAll(async () => {
  web = await WebServer.start();
  client = new HttpClient({ allowLoopback: true, timeoutMs: 5000, maxBytes: 64 * 1024, maxRedirects: 2, userAgent: 'newsdigest-test/1.0' });
  // Only the timeout tests use a short limit, so a busy machine cannot fail the others.
  quick = new HttpClient({ allowLoopback: true, timeoutMs: 300 });
});
afterAll(async () => {
  await client.close();
  await quick.close();
  await web.close();
});

async function failure(promise: Promise<unknown>): Promise<FetchError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(FetchError);
  expect(error).toBeInstanceOf(UserError);
  return error as FetchError;
}

describe('HttpClient', () => {
  it('sends a clear User-Agent and returns the body with its validators', async () => {
    web.route('/plain', {
      headers: { 'content-type': 'text/plain; charset=utf-8', etag: '"v1"', 'last-modified': 'Tue, 10 Jun 2025 04:00:00 GMT' },
      body: 'héllo',
    });
    const response = await client.get(web.url('/plain'));
    expect(response.body.toString('utf8')).toBe('héllo');
    expect(response).toMatchObject({ status: 200, notModified: false, etag: '"v1"', lastModified: 'Tue, 10 Jun 2025 04:00:00 GMT' });
    expect(web.requestsFor('/plain').at(-1)?.headers['user-agent']).toBe('newsdigest-test/1.0');
  });

  it('makes a conditional GET and reports 304 Not Modified', async () => {
    web.route('/conditional', (req, res) => {
      if (req.headers['if-none-match'] === '"v2"' || req.headers['if-modified-since'] === 'Wed, 11 Jun 2025 00:00:00 GMT') {
        res.writeHead(304).end();
      } else {
        res.writeHead(200, { etag: '"v2"' }).end('fresh');
      }
    });
    const first = await client.get(web.url('/conditional'));
    expect(first.notModified).toBe(false);
    const second = await client.get(web.url('/conditional'), { etag: first.etag });
    expect(second).toMatchObject({ status: 304, notModified: true });
    expect(second.body.length).toBe(0);
    const third = await client.get(web.url('/conditional'), { lastModified: 'Wed, 11 Jun 2025 00:00:00 GMT' });
    expect(third.notModified).toBe(true);
    const sent = web.requestsFor('/conditional');
    expect(sent[1]?.headers['if-none-match']).toBe('"v2"');
    expect(sent[2]?.headers['if-modified-since']).toBe('Wed, 11 Jun 2025 00:00:00 GMT');
  });

  it('follows relative redirects and reports the final URL', async () => {
    web.route('/old', { status: 301, headers: { location: '/middle' } });
    web.route('/middle', { status: 302, headers: { location: web.url('/new') } });
    web.route('/new', { body: 'moved here' });
    const response = await client.get(web.url('/old'));
    expect(response.body.toString()).toBe('moved here');
    expect(response.url).toBe(web.url('/new'));
  });

  it('stops after the redirect limit', async () => {
    web.route('/loop', { status: 302, headers: { location: '/loop' } });
    const error = await failure(client.get(web.url('/loop')));
    expect(error.kind).toBe('redirects');
    expect(error.message).toBe(`${web.url('/loop')} redirected more than 2 times`);
    expect(web.requestsFor('/loop')).toHaveLength(3);
  });

  it('gives up on a server that never answers, naming the limit', async () => {
    web.route('/silent', () => {
      /* never answers */
    });
    const error = await failure(quick.get(web.url('/silent')));
    expect(error.kind).toBe('timeout');
    expect(error.message).toBe(`${web.url('/silent')} timed out after 300 ms`);
  });

  it('also times out on a body that trickles forever', async () => {
    web.route('/trickle', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('a little');
    });
    const error = await failure(quick.get(web.url('/trickle')));
    expect(error.kind).toBe('timeout');
  });

  it('refuses a body whose declared size is over the limit, in MB', async () => {
    const big = new HttpClient({ allowLoopback: true, maxBytes: 5 * 1024 * 1024 });
    web.route('/declared', (_req, res) => {
      res.writeHead(200, { 'content-length': String(Math.round(12.3 * 1024 * 1024)) });
      res.write('x'); // then stall: the client must not wait for the rest
    });
    const error = await failure(big.get(web.url('/declared')));
    await big.close();
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`${web.url('/declared')} is 12.3 MB, more than the 5 MB limit`);
  });

  it('stops reading a chunked body once it passes the limit', async () => {
    let written = 0;
    web.route('/endless', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'a');
      const write = (): void => {
        while (!res.destroyed && written < 50 * 1024 * 1024) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', write);
        }
      };
      write();
    });
    const error = await failure(client.get(web.url('/endless')));
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`${web.url('/endless')} is more than the 64 KB limit`);
    expect(written).toBeLessThan(50 * 1024 * 1024);
  });

  it('decompresses gzip and stops a gzip bomb at the limit', async () => {
    web.route('/gzipped', { headers: { 'content-encoding': 'gzip' }, body: gzipSync('small and fine') });
    expect((await client.get(web.url('/gzipped'))).body.toString()).toBe('small and fine');

    const bomb = gzipSync(Buffer.alloc(32 * 1024 * 1024)); // 32 MB of zeros in ~32 KB
    const bombClient = new HttpClient({ allowLoopback: true, maxBytes: 1024 * 1024 });
    web.route('/bomb', { headers: { 'content-encoding': 'gzip', 'content-length': bomb.length }, body: bomb });
    const error = await failure(bombClient.get(web.url('/bomb')));
    await bombClient.close();
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(`${web.url('/bomb')} unpacks to more than the 1 MB limit`);
  });

  it('names a corrupt gzip body and an unknown encoding', async () => {
    web.route('/corrupt', { headers: { 'content-encoding': 'gzip' }, body: 'this is not gzip at all' });
    expect((await failure(client.get(web.url('/corrupt')))).message).toBe(`${web.url('/corrupt')} sent a corrupt gzip body`);
    web.route('/zstd', { headers: { 'content-encoding': 'zstd' }, body: 'x' });
    expect((await failure(client.get(web.url('/zstd')))).kind).toBe('encoding');
  });

  it('reports HTTP errors with the status and Retry-After', async () => {
    web.route('/gone', { status: 404, body: 'nope' });
    const notFound = await failure(client.get(web.url('/gone')));
    expect(notFound.message).toBe(`${web.url('/gone')} answered HTTP 404`);
    expect(notFound.details.status).toBe(404);
    web.route('/busy', { status: 503, headers: { 'retry-after': '120' } });
    const busy = await failure(client.get(web.url('/busy')));
    expect(busy.details).toEqual({ status: 503, retryAfterMs: 120_000 });
  });

  it('refuses URLs that are not http(s), and redirects to them', async () => {
    expect((await failure(client.get('file:///etc/passwd'))).message).toBe('file:///etc/passwd is not an http(s) URL');
    expect((await failure(client.get('not a url'))).kind).toBe('invalid-url');
    web.route('/to-file', { status: 302, headers: { location: 'file:///etc/passwd' } });
    const error = await failure(client.get(web.url('/to-file')));
    expect(error.message).toContain('redirects to file:///etc/passwd, which is not an http(s) URL');
  });

  it('sends a GET once more when the connection is closed before any answer (a kept-alive connection the server dropped)', async () => {
    let calls = 0;
    web.route('/dropped-once', (req, res) => {
      if (++calls === 1) return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'text/plain' }).end('second try');
    });
    expect((await client.get(web.url('/dropped-once'))).body.toString()).toBe('second try');
    expect(web.requestsFor('/dropped-once')).toHaveLength(2);

    web.route('/always-dropped', (req) => void req.socket.destroy());
    const error = await failure(client.get(web.url('/always-dropped')));
    expect(error.kind).toBe('network');
    expect(web.requestsFor('/always-dropped')).toHaveLength(2);
  });

  it('keeps at most N requests in flight per host', async () => {
    let inFlight = 0;
    let most = 0;
    const pending: (() => void)[] = [];
    web.route('/slow', (_req, res) => {
      inFlight++;
      most = Math.max(most, inFlight);
      pending.push(() => {
        inFlight--;
        res.end('ok');
      });
    });
    const limited = new HttpClient({ allowLoopback: true, perHostConcurrency: 2, timeoutMs: 5000 });
    const all = Promise.all([1, 2, 3, 4, 5].map(() => limited.get(web.url('/slow'))));
    // Answer requests one at a time as they arrive until all five are done.
    let answered = 0;
    while (answered < 5) {
      await new Promise((resolve) => setImmediate(resolve));
      const next = pending.shift();
      if (next) {
        next();
        answered++;
      }
    }
    const responses = await all;
    await limited.close();
    expect(responses.map((r) => r.body.toString())).toEqual(['ok', 'ok', 'ok', 'ok', 'ok']);
    expect(most).toBe(2);
  });
});

/** Log lines the client wrote, as one string per line (fields included), for checking what reached the log. */
function recordingLog(): { lines: string[]; warn(fields: Record<string, unknown>, message: string): void } {
  const lines: string[] = [];
  return { lines, warn: (fields, message) => void lines.push(`${message} ${JSON.stringify(fields)}`) };
}

const notPublic = 'is not a public address; newsdigest only fetches public addresses';

describe('address guard in the client', () => {
  it('refuses loopback unless allowed', async () => {
    const strict = new HttpClient();
    web.route('/private', { body: 'secret' });
    const error = await failure(strict.get(web.url('/private')));
    expect(error.kind).toBe('address');
    expect(error.message).toBe(`${web.url('/private')}: 127.0.0.1 ${notPublic}`);
    expect(web.requestsFor('/private')).toHaveLength(0);
    await strict.close();
  });

  it('tells users the host they typed is not public, and only the log what it resolves to', async () => {
    const log = recordingLog();
    const strict = new HttpClient({ log });
    const url = `http://localhost:${web.port}/private`;
    const error = await failure(strict.get(url));
    expect(error.kind).toBe('address');
    expect(error.message).toBe(`${url}: localhost ${notPublic}`);
    expect(error.message).not.toMatch(/127\.0\.0\.1|::1|loopback/);
    expect(log.lines).toHaveLength(1);
    expect(log.lines[0]).toMatch(/localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
    expect(web.requestsFor('/private')).toHaveLength(0);
    await strict.close();
  });

  it('names the redirect target that was refused, not only the URL asked for', async () => {
    const log = recordingLog();
    const onlyThisServer = new HttpClient({ allowLoopback: { ports: [web.port] }, log });
    const other = await WebServer.start();
    const target = `http://localhost:${other.port}/inside`;
    web.route('/to-internal-name', { status: 302, headers: { location: target } });
    const error = await failure(onlyThisServer.get(web.url('/to-internal-name')));
    expect(error.kind).toBe('address');
    expect(error.message).toBe(`${web.url('/to-internal-name')} redirected to ${target}: localhost ${notPublic}`);
    expect(error.message.replace(web.url('/to-internal-name'), '')).not.toMatch(/127\.0\.0\.1|::1/);
    expect(log.lines[0]).toContain(target);
    expect(other.requests).toHaveLength(0);
    await onlyThisServer.close();
    await other.close();
  });

  it('refuses a redirect to the metadata address, even when loopback is allowed', async () => {
    web.route('/to-metadata', { status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data/' } });
    const error = await failure(client.get(web.url('/to-metadata')));
    expect(error.message).toBe(`${web.url('/to-metadata')} redirected to http://169.254.169.254/latest/meta-data/: 169.254.169.254 ${notPublic}`);
  });

  it('refuses a redirect to another loopback port when only this server is allowed', async () => {
    const onlyThisServer = new HttpClient({ allowLoopback: { ports: [web.port] } });
    const other = await WebServer.start();
    other.route('/inside', { body: 'internal' });
    web.route('/to-loopback', { status: 302, headers: { location: other.url('/inside') } });
    const error = await failure(onlyThisServer.get(web.url('/to-loopback')));
    expect(error.kind).toBe('address');
    expect(error.message).toBe(`${web.url('/to-loopback')} redirected to ${other.url('/inside')}: 127.0.0.1 ${notPublic}`);
    expect(other.requests).toHaveLength(0);

    // …and the same redirect is followed when the test allows loopback.
    expect((await client.get(web.url('/to-loopback'))).body.toString()).toBe('internal');
    await onlyThisServer.close();
    await other.close();
  });

  it('never claims a redirect for a URL with user:pass@, and keeps the password out of messages and the log', async () => {
    for (const [url, shown] of [
      ['http://reader:hunter2@10.0.0.5/feed', 'http://10.0.0.5/feed'],
      [`http://reader:hunter2@localhost:${web.port}/private`, `http://localhost:${web.port}/private`],
    ] as const) {
      const log = recordingLog();
      const strict = new HttpClient({ log });
      const error = await failure(strict.get(url));
      expect(error.kind).toBe('address');
      expect(error.message).toBe(`${shown}: ${new URL(url).hostname} ${notPublic}`);
      expect(error.url).toBe(shown);
      expect([error.message, ...log.lines].join('\n')).not.toMatch(/hunter2|reader/);
      expect(log.lines).toHaveLength(1);
      await strict.close();
    }
  });

  it('refuses private, CGNAT and IPv6 literals before connecting, and logs what kind of address each is', async () => {
    const log = recordingLog();
    const strict = new HttpClient({ log });
    for (const [url, host, kind] of [
      ['http://10.0.0.5/feed', '10.0.0.5', 'a private address'],
      ['http://100.64.1.1/feed', '100.64.1.1', 'a carrier-grade NAT address'],
      ['http://[::1]:8080/feed', '[::1]', 'a loopback address'],
      ['http://[fd00:ec2::254]/latest', '[fd00:ec2::254]', 'a cloud metadata address'],
      ['http://[::ffff:192.168.1.1]/', '[::ffff:c0a8:101]', 'a private address'],
    ] as const) {
      const error = await failure(strict.get(url));
      expect(error.kind).toBe('address');
      expect(error.message).toBe(`${url}: ${host} ${notPublic}`);
      expect(log.lines.at(-1)).toContain(kind);
    }
    await strict.close();
  });
});

describe('helpers', () => {
  it('formats sizes like people say them', () => {
    expect(formatBytes(5 * 1024 * 1024)).toBe('5 MB');
    expect(formatBytes(12.34 * 1024 * 1024)).toBe('12.3 MB');
    expect(formatBytes(64 * 1024)).toBe('64 KB');
  });

  it('reads Retry-After as seconds or a date', () => {
    const now = new Date('2025-06-10T04:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('Tue, 10 Jun 2025 04:01:00 GMT', now)).toBe(60_000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
