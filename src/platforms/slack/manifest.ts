import type { CommandDefinition } from '../../commands/types.js';
import { UserError } from '../../errors.js';
import { SLACK_EVENTS_PATH, SLACK_OAUTH_REDIRECT_PATH } from './limits.js';

/**
 * The Slack app manifest (https://docs.slack.dev/reference/app-manifest) a user pastes into
 * "Create an app → From a manifest": the slash commands, the bot scopes, interactivity, the
 * uninstall events and the "Add to Slack" redirect URL.
 */

/**
 * chat:write posts digests, commands receives /digest etc., *:history lets findPosted read back a
 * post, users:read tells whether who types /newsdigest is a workspace admin, usergroups:read whether
 * they belong to a user group the operator named as set-up editors (`slack.setupEditors`).
 */
export const BOT_SCOPES = ['chat:write', 'commands', 'channels:history', 'groups:history', 'users:read', 'usergroups:read'] as const;

/** Events that need no scope: a workspace uninstalled newsdigest or revoked its token ("Add to Slack" mode removes it and pauses its channels). */
export const BOT_EVENTS = ['app_uninstalled', 'tokens_revoked'] as const;

export interface ManifestOptions {
  commands: readonly CommandDefinition[];
  mode: 'http' | 'socket';
  /** Public https base URL (HTTP mode): requests go to <url>/slack/events. */
  url?: string;
  name?: string;
}

/** "/digest [today|yesterday|N] [share] (N: …)" → "[today|yesterday|N] [share]" */
function usageHint(command: CommandDefinition): string {
  return command.usage
    .replace(/^\/\S+\s*/, '')
    .replace(/\s*\(.*\)\s*$/, '')
    .slice(0, 1000);
}

/** Where Slack sends requests: <base>/slack/events. */
export function requestUrl(base: string): string {
  return publicAddress(base, SLACK_EVENTS_PATH);
}

/** A path of the service under its public https address (--url or slack.publicUrl). */
export function publicAddress(base: string, path: string): string {
  let parsed: URL;
  try {
    parsed = new URL(base);
  } catch {
    throw new UserError(`--url "${base}" is not a URL: give the public https address of the service, e.g. https://news.example.org`);
  }
  if (parsed.protocol !== 'https:') throw new UserError(`--url "${base}" must use https: Slack only sends requests to https addresses`);
  // Relative, so a base with a path (behind a proxy) keeps it: https://host/news → https://host/news/slack/events.
  return new URL(path.slice(1), parsed.href.endsWith('/') ? parsed.href : `${parsed.href}/`).href;
}

export function buildManifest(options: ManifestOptions): Record<string, unknown> {
  const socket = options.mode === 'socket';
  if (!socket && !options.url) {
    throw new UserError(
      'the Slack app needs a public https address in HTTP mode: pass --url https://your-host (or set slack.publicUrl in the config), or use Socket Mode (slack.mode: socket)',
    );
  }
  const url = socket ? undefined : requestUrl(options.url!);
  // "Add to Slack" sends the browser back here; Slack refuses a redirect_uri the app does not list.
  const redirectUrl = options.url ? publicAddress(options.url, SLACK_OAUTH_REDIRECT_PATH) : undefined;
  const name = options.name ?? 'newsdigest';
  return {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name,
      description: 'Short, trustworthy news digests',
      long_description:
        'newsdigest posts a daily digest of the news to your channels: each story with its summary, key quotes with their speakers, casualty figures and a link to its source. Ask for it any time with /digest, open one story with /article, or summarize any article with /summary.',
      background_color: '#1d3557',
    },
    features: {
      bot_user: { display_name: name, always_online: false },
      slash_commands: options.commands.map((command) => ({
        command: `/${command.name}`,
        ...(url ? { url } : {}),
        description: command.description.slice(0, 2000),
        usage_hint: usageHint(command),
        should_escape: false,
      })),
    },
    oauth_config: { ...(redirectUrl ? { redirect_urls: [redirectUrl] } : {}), scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: socket,
      token_rotation_enabled: false,
    },
  };
}
