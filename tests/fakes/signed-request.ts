import type { FakeSlackApi } from './slack-api.js';
import { createHmac } from 'node:crypto';

/**
 * Requests as Slack sends them to an app: form-encoded, signed with the app's signing secret
 * (v0 HMAC-SHA256 over "v0:<timestamp>:<body>", https://docs.slack.dev/authentication/verifying-requests-from-slack).
 */

export function slackSignature(signingSecret: string, timestampSec: number, body: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestampSec}:${body}`).digest('hex')}`;
}

export interface SignOptions {
  /** Seconds since the epoch; default now. */
  timestampSec?: number;
  /** Overrides the computed signature (to send a bad one). */
  signature?: string;
}

export async function sendSigned(
  url: string,
  signingSecret: string,
  body: string,
  options: SignOptions & { contentType?: string } = {},
): Promise<Response> {
  const timestampSec = options.timestampSec ?? Math.floor(Date.now() / 1000);
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestampSec),
      'x-slack-signature': options.signature ?? slackSignature(signingSecret, timestampSec, body),
    },
    body,
  });
}

/** The fields of a slash-command request, as Slack posts them. */
export function slashCommandFields(command: string, text: string, responseUrl: string): Record<string, string> {
  return {
    token: 'deprecated-verification-token',
    team_id: 'T123',
    team_domain: 'example',
    channel_id: 'C123',
    channel_name: 'newsroom',
    user_id: 'U123',
    user_name: 'reader',
    command,
    text,
    api_app_id: 'A123',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '123.456.abc',
  };
}

export function sendSlashCommand(
  url: string,
  signingSecret: string,
  command: string,
  text: string,
  responseUrl: string,
  options?: SignOptions,
): Promise<Response> {
  return sendSigned(url, signingSecret, new URLSearchParams(slashCommandFields(command, text, responseUrl)).toString(), options);
}

/**
 * An Events API callback (app_uninstalled, tokens_revoked, …) from one workspace, as Slack posts it: signed JSON.
 * With `enterprise`, it comes to an org-wide install: authorized for the organization, with no team.
 */
export function sendEvent(
  url: string,
  signingSecret: string,
  team: string,
  event: Record<string, unknown>,
  options: { enterprise?: string } = {},
): Promise<Response> {
  const { enterprise } = options;
  const body = JSON.stringify({
    token: 'deprecated-verification-token',
    team_id: team,
    ...(enterprise ? { enterprise_id: enterprise } : {}),
    api_app_id: 'A123',
    event: { event_ts: '1700000000.000100', ...event },
    type: 'event_callback',
    event_id: `Ev${team}${String(event.type)}`,
    event_time: 1700000000,
    authorizations: [
      enterprise
        ? { enterprise_id: enterprise, team_id: null, user_id: 'U0BOT', is_bot: true, is_enterprise_install: true }
        : { enterprise_id: null, team_id: team, user_id: 'U0BOT', is_bot: true, is_enterprise_install: false },
    ],
  });
  return sendSigned(url, signingSecret, body, { contentType: 'application/json' });
}

/** A block_actions payload for a button press in a channel message. */
export function buttonPayload(actionId: string, value: string, responseUrl: string): Record<string, unknown> {
  return {
    type: 'block_actions',
    team: { id: 'T123', domain: 'example' },
    user: { id: 'U123', username: 'reader', team_id: 'T123' },
    api_app_id: 'A123',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: '1700000000.000001', channel_id: 'C123', is_ephemeral: false },
    trigger_id: '123.456.abc',
    channel: { id: 'C123', name: 'newsroom' },
    message: { type: 'message', ts: '1700000000.000001', text: 'digest' },
    response_url: responseUrl,
    actions: [
      { type: 'button', action_id: actionId, block_id: 'b1', value, text: { type: 'plain_text', text: 'Quotes' }, action_ts: '1700000001.000001' },
    ],
  };
}

export function sendButton(
  url: string,
  signingSecret: string,
  actionId: string,
  value: string,
  responseUrl: string,
  options?: SignOptions,
): Promise<Response> {
  const body = new URLSearchParams({ payload: JSON.stringify(buttonPayload(actionId, value, responseUrl)) }).toString();
  return sendSigned(url, signingSecret, body, options);
}

let typed = 0;

/**
 * Types a slash command in a Slack channel (as `user`, in workspace `team`, when given) through the service's signed
 * endpoint at `url`, and waits for what the bot answered through the fake's response URL.
 */
export async function slashCommandAnswers(
  slack: FakeSlackApi,
  url: string,
  signingSecret: string,
  /** `enterprise`: the workspace is in that organization, which installed newsdigest org-wide. */
  typedIn: { command: string; text: string; channel: string; user?: string; team?: string; enterprise?: string },
): Promise<Record<string, unknown>[]> {
  const id = `typed-${++typed}`;
  const fields: Record<string, string> = { ...slashCommandFields(typedIn.command, typedIn.text, slack.responseUrl(id)), channel_id: typedIn.channel };
  if (typedIn.user) fields.user_id = typedIn.user;
  if (typedIn.team) fields.team_id = typedIn.team;
  if (typedIn.enterprise) Object.assign(fields, { enterprise_id: typedIn.enterprise, is_enterprise_install: 'true' });
  const response = await sendSigned(url, signingSecret, new URLSearchParams(fields).toString());
  if (response.status !== 200) throw new Error(`${typedIn.command} ${typedIn.text} was answered ${response.status}, not 200`);
  await slack.waitFor(() => slack.responses(id).length > 0, 10_000, `the answer to ${typedIn.command} ${typedIn.text} in ${typedIn.channel}`);
  return slack.responses(id);
}
