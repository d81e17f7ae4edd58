import { format } from 'node:util';
import { App, LogLevel, SocketModeReceiver, webApi, type Logger as BoltLogger, type Receiver } from '@slack/bolt';
import { commands as defaultCommands, itemPartView as defaultItemPartView } from '../../commands/index.js';
import type { CommandContext, CommandDefinition } from '../../commands/types.js';
import type { Config } from '../../config/schema.js';
import { platformsInUse, slackOAuthMode, type Secrets } from '../../config/env.js';
import { UserError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { CommandObserver, ContextFor, HttpRoute, PlatformAdapter, PlatformServices } from '../types.js';
import { registerListeners, type SetupEditors, type SlackBindings } from './listeners.js';
import { createSlackPoster } from './post.js';
import { SlackEventsReceiver } from './receiver.js';
import { SLACK_EVENTS_PATH, SLACK_OAUTH_REDIRECT_PATH } from './limits.js';
import { publicAddress } from './manifest.js';
import { createSlackInstaller, type SlackInstaller, type SlackOAuthOptions } from './oauth.js';

export { SLACK_EVENTS_PATH };

export interface SlackPlatformOptions {
  /** The one workspace's token (single-token mode); or `oauth` instead, for many workspaces. */
  botToken?: string;
  /** "Add to Slack" mode: each workspace's token from the store; no `botToken`. */
  oauth?: SlackOAuthOptions;
  /** Who may change a channel's set-up besides workspace admins and owners (config `slack.setupEditors`). */
  setupEditors?: SetupEditors;
  signingSecret: string;
  /** xapp-… token, needed for Socket Mode only. */
  appToken?: string;
  mode: 'http' | 'socket';
  /** Base URL of the Web API (SLACK_API_URL), e.g. a proxy or a local test double. */
  apiUrl?: string;
  context: CommandContext;
  /** The context of the channel a command was typed in (default `context` everywhere). */
  contextFor?: ContextFor;
  logger: Logger;
  observe?: CommandObserver;
  /** Web API retries for 5xx and network errors (429s wait for Retry-After on top). */
  retry?: webApi.RetryOptions;
  /** Least time between two messages to one channel, default 1000 ms. */
  minIntervalMs?: number;
  /** Web API request timeout, default 10 s. */
  requestTimeoutMs?: number;
  /** Defaults to the platform-neutral commands of src/commands. */
  commands?: SlackBindings['commands'];
  itemPartView?: SlackBindings['itemPartView'];
}

export interface SlackPlatform extends PlatformAdapter {
  readonly platform: 'slack';
  /** The Bolt app (for tests and for adding listeners). */
  readonly app: App;
  /** POST /slack/events in HTTP mode, and /slack/install and /slack/oauth_redirect in "Add to Slack" mode, for the service's server. */
  readonly routes: readonly HttpRoute[];
  /** The install flow and the workspaces' tokens, in "Add to Slack" mode. */
  readonly installer?: SlackInstaller;
}

/** About five tries over a minute: enough for a Slack hiccup, short enough for one schedule. */
export const DEFAULT_RETRY: webApi.RetryOptions = { retries: 5, factor: 2, minTimeout: 1000, maxTimeout: 20_000, randomize: true };

const BOLT_LEVELS: Record<string, LogLevel> = { trace: LogLevel.DEBUG, debug: LogLevel.DEBUG, info: LogLevel.INFO, warn: LogLevel.WARN };

/** Bolt and the Web API log through pino (whose redaction hides tokens); Slack libraries never print tokens. */
export function boltLogger(logger: Logger): BoltLogger {
  const child = logger.child({ component: 'slack' });
  // Libraries' debug lines can quote raw payloads (a Socket Mode envelope carries a verification
  // token, an oauth.v2.access request the client secret): hide anything token-shaped before it reaches the log.
  const line = (msg: unknown[]) =>
    format(...msg)
      .replace(/\b(xox[abeprs]|xapp)-[\w-]+/g, '$1-[redacted]')
      .replace(/("(?:token|access_token|refresh_token|client_secret)"\s*:\s*")[^"]*"/g, '$1[redacted]"')
      .replace(/\b(client_secret=)[^&\s"]+/g, '$1[redacted]');
  return {
    debug: (...msg) => child.debug(line(msg)),
    info: (...msg) => child.info(line(msg)),
    warn: (...msg) => child.warn(line(msg)),
    error: (...msg) => child.error(line(msg)),
    setLevel: () => {},
    getLevel: () => BOLT_LEVELS[child.level] ?? LogLevel.ERROR,
    setName: () => {},
  };
}

function describeStartError(error: unknown): string {
  if (error instanceof webApi.WebAPIPlatformError) {
    return `Slack rejected the bot token at start (${error.data.error}): check SLACK_BOT_TOKEN, copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions in your Slack app (see docs/slack.md)`;
  }
  return `Cannot reach Slack at start (auth.test): ${error instanceof Error ? error.message : String(error)}`;
}

/** Socket Mode opens its connection with the app-level token; a refusal there is that token's fault. */
function describeConnectError(error: unknown): string | undefined {
  if (error instanceof webApi.WebAPIPlatformError) {
    return `Slack rejected the app-level token at start (${error.data.error}): check SLACK_APP_TOKEN, create an app-level token (xapp-…) with connections:write under Basic Information in your Slack app (see docs/slack.md)`;
  }
  return undefined;
}

function requireValue(value: string | undefined, name: string, why: string): string {
  if (!value) throw new UserError(`${name} is not set: ${why} (see docs/slack.md)`);
  return value;
}

export function createSlackPlatform(options: SlackPlatformOptions): SlackPlatform {
  const botToken = options.oauth
    ? undefined
    : requireValue(options.botToken, 'SLACK_BOT_TOKEN', 'copy the Bot User OAuth Token (xoxb-…) from your Slack app');
  const log = boltLogger(options.logger);
  const slackApiUrl = options.apiUrl ? options.apiUrl.replace(/\/?$/, '/') : undefined;
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl,
    retryConfig: options.retry ?? DEFAULT_RETRY,
    timeout: options.requestTimeoutMs ?? 10_000,
  };

  let receiver: Receiver;
  let routes: HttpRoute[] = [];
  if (options.mode === 'socket') {
    const appToken = requireValue(options.appToken, 'SLACK_APP_TOKEN', 'Socket Mode needs an app-level token (xapp-…) with connections:write');
    if (!appToken.startsWith('xapp-')) throw new UserError('SLACK_APP_TOKEN must be an app-level token starting with "xapp-" (see docs/slack.md)');
    receiver = new SocketModeReceiver({
      appToken,
      logger: log,
      // Only the base URL: the Socket Mode client keeps its own long retry policy for reconnecting.
      installerOptions: { clientOptions: { slackApiUrl } },
    });
  } else {
    const events = new SlackEventsReceiver({
      signingSecret: requireValue(options.signingSecret, 'SLACK_SIGNING_SECRET', 'copy the Signing Secret from your Slack app'),
      path: SLACK_EVENTS_PATH,
      logger: options.logger,
      boltLogger: log,
    });
    receiver = events;
    routes = [events.route];
  }

  const installer = options.oauth
    ? createSlackInstaller({ ...options.oauth, logger: options.logger, boltLogger: log, clientOptions, now: options.context.now })
    : undefined;
  if (installer) routes = [...routes, ...installer.routes];

  // Deferred: Bolt would otherwise call auth.test in the constructor and leave a failure unhandled.
  const app = installer
    ? new App({ authorize: installer.authorize, receiver, logger: log, clientOptions, deferInitialization: true })
    : new App({ token: botToken, receiver, logger: log, clientOptions, deferInitialization: true });
  // First, so that every request's channel is known to belong to its workspace before a command runs.
  installer?.register(app);
  registerListeners(app, {
    commands: options.commands ?? (defaultCommands as readonly CommandDefinition[]),
    itemPartView: options.itemPartView ?? defaultItemPartView,
    context: options.context,
    contextFor: options.contextFor,
    setupEditors: options.setupEditors,
    logger: options.logger,
    observe: options.observe,
  });
  app.error(async (error) => {
    options.logger.error({ err: error }, 'slack app error');
  });

  // Posting retries are the poster's own: a blind client retry after a lost answer would post twice.
  const postClient = new webApi.WebClient(botToken, { ...clientOptions, logger: log, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
  const poster = createSlackPoster({
    client: app.client,
    postClient,
    retry: options.retry ?? DEFAULT_RETRY,
    logger: options.logger,
    minIntervalMs: options.minIntervalMs,
    // Many workspaces: each channel's post goes out with its own workspace's token.
    tokenFor: installer?.tokenForChannel,
  });
  // The readiness probe must answer fast: no retries, short timeout.
  const probe = botToken ? new webApi.WebClient(botToken, { slackApiUrl, logger: log, retryConfig: { retries: 0 }, timeout: 3000 }) : undefined;

  return {
    platform: 'slack',
    app,
    routes,
    installer,
    post: poster.post,
    findPosted: poster.findPosted,
    findPostedParts: poster.findPostedParts,
    notify: poster.notify,
    async ready() {
      // Many workspaces: no one token to probe; the store's health is the service's own check.
      if (!probe) return true;
      try {
        return (await probe.auth.test()).ok === true;
      } catch {
        return false;
      }
    },
    async start() {
      try {
        await app.init();
      } catch (error) {
        throw new UserError(describeStartError(error));
      }
      // Socket Mode connects here; in HTTP mode the service's server already routes /slack/events.
      try {
        await app.start();
      } catch (error) {
        const message = describeConnectError(error);
        throw message ? new UserError(message) : error;
      }
      options.logger.info({ mode: options.mode }, 'slack app started');
    },
    async stop() {
      await app.stop();
    },
    async close() {
      await this.stop();
    },
  };
}

/**
 * The Slack platform from the config and the environment, or undefined when this run does not
 * use Slack (no Slack channel and no SLACK_BOT_TOKEN), so `npm start` needs no Slack account.
 * The service has checked the secrets first; the error here is a last guard.
 */
export function slackPlatformFromConfig(config: Config, secrets: Secrets, services: PlatformServices): SlackPlatform | undefined {
  if (!platformsInUse(config, secrets).slack) return undefined;
  const oauth = slackOAuthMode(secrets) ? slackOAuthFromConfig(config, secrets, services) : undefined;
  if (!secrets.slackBotToken && !oauth) {
    const channel = config.channels.find((c) => c.platform === 'slack');
    throw new UserError(
      `channel "${channel?.id}" posts to Slack but SLACK_BOT_TOKEN is not set: copy the Bot User OAuth Token (xoxb-…) from your Slack app (see docs/slack.md)`,
    );
  }
  return createSlackPlatform({
    botToken: oauth ? undefined : secrets.slackBotToken,
    oauth,
    signingSecret: secrets.slackSigningSecret ?? '',
    appToken: secrets.slackAppToken,
    mode: config.slack.mode,
    setupEditors: config.slack.setupEditors,
    apiUrl: secrets.slackApiUrl,
    context: services.context,
    contextFor: services.channelContext ? (channelId, caller, team) => services.channelContext!('slack', channelId, caller, team) : undefined,
    logger: services.logger,
    observe: services.observe,
  });
}

/** "Add to Slack" mode's options from the environment, the config's public address and the store. */
function slackOAuthFromConfig(config: Config, secrets: Secrets, services: PlatformServices): SlackOAuthOptions {
  if (!secrets.secretKey) {
    throw new UserError('"Add to Slack" mode needs NEWSDIGEST_SECRET_KEY to seal the workspaces\' bot tokens (see docs/slack.md)');
  }
  if (!services.stores) throw new Error('"Add to Slack" mode needs the store: the service passes it to the Slack platform');
  return {
    clientId: secrets.slackClientId!,
    clientSecret: secrets.slackClientSecret!,
    secretKey: secrets.secretKey,
    workspaces: services.stores.slackWorkspaces,
    chatChannels: services.stores.chatChannels,
    redirectUri: config.slack.publicUrl ? publicAddress(config.slack.publicUrl, SLACK_OAUTH_REDIRECT_PATH) : undefined,
  };
}
