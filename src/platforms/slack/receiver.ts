import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parse as parseQuery } from 'node:querystring';
import { HTTPModuleFunctions, HTTPResponseAck, type App, type Receiver, type ReceiverEvent, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../log.js';
import { RecentSignatures } from '../recent-signatures.js';
import type { HttpRoute } from '../types.js';

export { RecentSignatures };

/** Signed requests stamped further than this from now, either way, are refused (as Discord's are). */
export const MAX_CLOCK_SKEW_SECONDS = 5 * 60;

export type RequestVerdict = { ok: true } | { ok: false; reason: string };

/**
 * Slack's v0 request signing (HMAC-SHA256 of "v0:<timestamp>:<body>" with the signing secret),
 * a timestamp within 5 minutes of now in either direction (Bolt only checks the past), and no
 * replay of a request already accepted.
 */
export function verifySlackRequest(
  request: { signature: string | undefined; timestamp: string | undefined; body: string },
  options: { signingSecret: string; nowMs: number; recent: RecentSignatures },
): RequestVerdict {
  const { signature = '', timestamp = '' } = request;
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: 'missing or malformed x-slack-request-timestamp' };
  const timestampSec = Number(timestamp);
  const nowSec = Math.floor(options.nowMs / 1000);
  if (Math.abs(nowSec - timestampSec) > MAX_CLOCK_SKEW_SECONDS) return { ok: false, reason: 'request timestamp is more than 5 minutes from now' };
  const expected = Buffer.from(`v0=${createHmac('sha256', options.signingSecret).update(`v0:${timestamp}:${request.body}`).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, reason: 'signature does not match the signing secret' };
  if (options.recent.seen(signature, timestampSec, nowSec)) return { ok: false, reason: 'replayed request (this signature was already accepted)' };
  return { ok: true };
}

export interface SlackEventsReceiverOptions {
  signingSecret: string;
  /** The path Slack posts to (/slack/events). */
  path: string;
  logger: Logger;
  boltLogger: BoltLogger;
  /** Milliseconds since the epoch, for the timestamp window (default the system clock). */
  nowMs?: () => number;
}

/**
 * Bolt's receiver for HTTP mode, as one route of the service's own HTTP server: it checks each
 * request (signature, timestamp window, replay), acknowledges at once, then lets Bolt run the
 * listener. It owns no port, so it starts and stops with the app without listening anywhere.
 */
export class SlackEventsReceiver implements Receiver {
  readonly route: HttpRoute;
  private app: App | undefined;
  private readonly recent = new RecentSignatures(MAX_CLOCK_SKEW_SECONDS);

  constructor(private readonly options: SlackEventsReceiverOptions) {
    this.route = { path: options.path, method: 'POST', handler: (req, res) => this.handle(req, res) };
  }

  init(app: App): void {
    this.app = app;
  }

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const log = this.options.logger;
    let buffered: Awaited<ReturnType<typeof HTTPModuleFunctions.bufferIncomingMessage>>;
    try {
      buffered = await HTTPModuleFunctions.bufferIncomingMessage(req, HTTPModuleFunctions.defaultBodyLimit);
    } catch (error) {
      const tooLarge = HTTPModuleFunctions.isRawBodyError(error) && error.statusCode === 413;
      log.warn({ path: this.options.path }, tooLarge ? 'refused a Slack request: body too large' : 'could not read a Slack request body');
      return HTTPModuleFunctions.buildNoBodyResponse(res, tooLarge ? 413 : 400);
    }
    const text = buffered.rawBody.toString('utf8');
    // Slack's SSL check is unsigned and carries nothing to act on.
    if (req.headers['content-type'] === 'application/x-www-form-urlencoded' && parseQuery(text).ssl_check === '1') {
      return HTTPModuleFunctions.buildSSLCheckResponse(res);
    }
    const verdict = verifySlackRequest(
      { signature: header(req, 'x-slack-signature'), timestamp: header(req, 'x-slack-request-timestamp'), body: text },
      { signingSecret: this.options.signingSecret, nowMs: (this.options.nowMs ?? Date.now)(), recent: this.recent },
    );
    if (!verdict.ok) {
      log.warn({ path: this.options.path }, `refused a Slack request: ${verdict.reason}`);
      return HTTPModuleFunctions.buildNoBodyResponse(res, 401);
    }
    let body: Record<string, unknown>;
    try {
      body = HTTPModuleFunctions.parseHTTPRequestBody(buffered) as Record<string, unknown>;
    } catch {
      log.warn({ path: this.options.path }, 'refused a Slack request: the body is not a form or JSON');
      return HTTPModuleFunctions.buildNoBodyResponse(res, 400);
    }
    if (body.type === 'url_verification') return HTTPModuleFunctions.buildUrlVerificationResponse(res, body);

    // ack() answers Slack at once; the command then runs and answers through respond().
    const ack = new HTTPResponseAck({
      logger: this.options.boltLogger,
      processBeforeResponse: false,
      httpRequest: buffered,
      httpRequestBody: body,
      httpResponse: res,
    });
    const event: ReceiverEvent = {
      body,
      ack: ack.bind(),
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(req),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(req),
    };
    try {
      await this.app?.processEvent(event);
    } catch (error) {
      const acknowledged = await HTTPModuleFunctions.defaultProcessEventErrorHandler({
        error: error as Error,
        logger: this.options.boltLogger,
        request: req,
        response: res,
        storedResponse: undefined,
      });
      if (acknowledged) ack.ack();
    }
  }
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
