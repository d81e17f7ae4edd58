import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App, AuthorizeResult, Logger as BoltLogger, webApi } from '@slack/bolt';
import slackOAuth, { type CodedError, type Installation, type InstallationQuery, type InstallationStore } from '@slack/oauth';
import type { ChatChannelStore } from '../../store/chat-channels.js';
import { subkey, type SlackInstallation, type SlackInstallations, type SlackWorkspaceStore } from '../../store/installations.js';
import type { Logger } from '../../log.js';
import { PostError, type HttpRoute } from '../types.js';
import { SLACK_INSTALL_PATH, SLACK_OAUTH_REDIRECT_PATH } from './limits.js';
import { BOT_SCOPES } from './manifest.js';

// Node's ESM loader does not see every named export of this CommonJS package (ClearStateStore is missing).
const { ClearStateStore, ErrorCode, InstallProvider } = slackOAuth;

/** What "Add to Slack" mode needs: the app's credentials, the secret key and the store. */
export interface SlackOAuthOptions {
  clientId: string;
  clientSecret: string;
  /** NEWSDIGEST_SECRET_KEY: seals the bot tokens and signs the OAuth state. */
  secretKey: string;
  workspaces: SlackWorkspaceStore;
  /** Chat-set-up channels, paused when their workspace uninstalls newsdigest. */
  chatChannels: ChatChannelStore;
  /** https://<host>/slack/oauth_redirect, when the public address is known (else the app's only redirect URL). */
  redirectUri?: string;
}

/** The install flow and the workspaces' tokens, as the Slack platform uses them. */
export interface SlackInstaller {
  /** GET /slack/install and GET /slack/oauth_redirect, for the service's one HTTP server. */
  readonly routes: HttpRoute[];
  /** Bolt's `authorize`: the token of the workspace a request came from (`body`: the request, to answer a command when there is none). */
  authorize(source: InstallationQuery<boolean>, body?: unknown): Promise<AuthorizeResult>;
  /** The bot token of the workspace a channel is in, for scheduled posts; PostError when none. */
  tokenForChannel(channel: string): Promise<string>;
  /** The bot token of one workspace (team id, or org id for an org-wide install); PostError when not installed. */
  tokenForWorkspace(workspace: string): Promise<string>;
  /** Removes a workspace's installation and pauses its chat channels (uninstalled, token revoked). */
  forgetWorkspace(workspace: string, reason: string): Promise<{ removed: boolean; paused: string[] }>;
  /** Remembers channel → workspace from each request, and handles app_uninstalled and tokens_revoked. */
  register(app: App): void;
}

/** The workspace whose token a request or an installation uses: the org for an org-wide install. */
function workspaceOf(source: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }): string | undefined {
  return source.isEnterpriseInstall ? source.enterpriseId : source.teamId;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A small plain page for the person installing: a title, a few sentences, optionally a link. */
function page(res: ServerResponse, status: number, title: string, lines: string[], link?: { href: string; text: string }): void {
  const body = [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>',
    '</head><body>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...(link ? [`<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a></p>`] : []),
    '</body></html>',
  ].join('\n');
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    // The pages carry no script and load nothing: a team name from Slack can do no harm here.
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    'x-frame-options': 'DENY',
  });
  res.end(body);
}

/** The "Add to Slack" page: the link to Slack's consent screen, with the state the redirect must bring back. */
function installPage(addToSlackUrl: string): string {
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8"><title>Add newsdigest to Slack</title>',
    '<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5}</style>',
    '</head><body>',
    '<h1>Add newsdigest to Slack</h1>',
    '<p>newsdigest posts a short daily digest of the news to the channels you choose, and answers /digest, /article and /summary.</p>',
    `<p><a id="add-to-slack" href="${escapeHtml(addToSlackUrl)}">Add to Slack</a></p>`,
    '<p>Slack asks you to pick a workspace and allow newsdigest. Then invite it to a channel with /invite @newsdigest and type /newsdigest help there.</p>',
    '</body></html>',
  ].join('\n');
}

/** What the person installing reads when the redirect is refused or fails; nothing is stored then. */
function failurePage(error: CodedError, res: ServerResponse): void {
  const again = { href: SLACK_INSTALL_PATH.split('/').pop()!, text: 'Start again' };
  switch (error.code) {
    case ErrorCode.MissingStateError:
    case ErrorCode.InvalidStateError:
      return page(
        res,
        400,
        'This install link is not valid',
        [
          'The link has expired (it lasts ten minutes), was already used, or was opened in another browser than the one that started the install.',
          'Nothing was installed.',
        ],
        again,
      );
    case ErrorCode.AuthorizationError:
      return page(res, 400, 'The install was cancelled', ['Slack says the install was not allowed. Nothing was installed.'], again);
    case ErrorCode.MissingCodeError:
      return page(res, 400, 'Slack sent no install code', ['Nothing was installed.'], again);
    default:
      return page(
        res,
        502,
        'Slack did not confirm the install',
        ['Nothing was installed. Try again in a minute; if it keeps failing, the details are in the newsdigest log.'],
        again,
      );
  }
}

/** Slack's Installation as our stored row, and back. */
function toStored(installation: Installation, now: Date): SlackInstallation {
  const workspace = workspaceOf({
    teamId: installation.team?.id,
    enterpriseId: installation.enterprise?.id,
    isEnterpriseInstall: installation.isEnterpriseInstall,
  });
  const bot = installation.bot;
  if (!workspace || !bot) throw new Error('Slack returned an installation without a workspace or a bot token');
  return {
    workspace,
    teamId: installation.team?.id,
    enterpriseId: installation.enterprise?.id,
    isEnterpriseInstall: installation.isEnterpriseInstall === true,
    botToken: bot.token,
    botUserId: bot.userId,
    botId: bot.id,
    scopes: bot.scopes,
    installerUserId: installation.user?.id,
    installedAt: now.toISOString(),
  };
}

function fromStored(stored: SlackInstallation): Installation {
  return {
    team: stored.teamId ? { id: stored.teamId } : undefined,
    enterprise: stored.enterpriseId ? { id: stored.enterpriseId } : undefined,
    isEnterpriseInstall: stored.isEnterpriseInstall,
    user: { id: stored.installerUserId ?? '', token: undefined, scopes: undefined },
    bot: { token: stored.botToken, userId: stored.botUserId, id: stored.botId, scopes: stored.scopes },
    tokenType: 'bot',
    authVersion: 'v2',
  } as Installation;
}

/** The channel a request came from, when it has one (command, button, event). */
function channelOf(body: Record<string, unknown>): string | undefined {
  const channel = body.channel_id ?? (body.channel as { id?: unknown } | undefined)?.id ?? (body.event as { channel?: unknown } | undefined)?.channel;
  return typeof channel === 'string' && /^[CGD][A-Z0-9]+$/.test(channel) ? channel : undefined;
}

/**
 * "Add to Slack": @slack/oauth's InstallProvider does the OAuth v2 exchange (state signed with a
 * key derived from NEWSDIGEST_SECRET_KEY and tied to the browser by a cookie); our routes serve it
 * on the service's own server, and our store keeps each workspace's token sealed.
 */
export function createSlackInstaller(
  options: SlackOAuthOptions & {
    logger: Logger;
    boltLogger: BoltLogger;
    /** Where the Web API is (SLACK_API_URL) and its timeout, for oauth.v2.access and auth.test. */
    clientOptions: Omit<webApi.WebClientOptions, 'logger' | 'logLevel'>;
    now?: () => Date;
  },
): SlackInstaller {
  const { logger } = options;
  const now = options.now ?? (() => new Date());
  const installations: SlackInstallations = options.workspaces.installations(options.secretKey);

  const installationStore: InstallationStore = {
    async storeInstallation(installation) {
      const stored = toStored(installation as Installation, now());
      await installations.save(stored);
      logger.info({ workspace: stored.workspace, scopes: stored.scopes }, 'slack: newsdigest was installed in a workspace');
    },
    async fetchInstallation(query) {
      const workspace = workspaceOf(query);
      const stored = workspace ? await installations.get(workspace) : null;
      if (!stored) throw new Error(`newsdigest is not installed in Slack workspace ${workspace ?? '(none named)'}`);
      return fromStored(stored) as never;
    },
    async deleteInstallation(query) {
      const workspace = workspaceOf(query);
      if (workspace) await installations.remove(workspace);
    },
  };

  const provider = new InstallProvider({
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    installationStore,
    stateStore: new ClearStateStore(subkey(options.secretKey, 'slack-oauth-state').toString('base64')),
    installUrlOptions: { scopes: [...BOT_SCOPES], redirectUri: options.redirectUri },
    renderHtmlForInstallPath: installPage,
    logger: options.boltLogger,
    clientOptions: options.clientOptions,
  });

  const remembered = new Map<string, string>();

  async function tokenForWorkspace(workspace: string, channel?: string): Promise<string> {
    const installation = await installations.get(workspace);
    if (!installation) {
      throw new PostError(
        `${channel ? `Slack channel ${channel}: ` : ''}newsdigest is not installed in Slack workspace ${workspace}: install it again with "Add to Slack" (${SLACK_INSTALL_PATH})`,
        false,
      );
    }
    return installation.botToken;
  }

  const installer: SlackInstaller = {
    routes: [
      {
        path: SLACK_INSTALL_PATH,
        method: 'GET',
        handler: (req, res) => provider.handleInstallPath(req, res),
      },
      {
        path: SLACK_OAUTH_REDIRECT_PATH,
        method: 'GET',
        handler: (req: IncomingMessage, res: ServerResponse) =>
          provider.handleCallback(req, res, {
            success: (installation) => {
              const name = installation.team?.name ?? installation.enterprise?.name ?? 'your workspace';
              page(res, 200, 'newsdigest is installed', [
                `newsdigest is now in ${name}.`,
                'Invite it to a channel with /invite @newsdigest, then type /newsdigest help there to set up that channel’s digest.',
              ]);
            },
            failure: (error, _options, _req, response) => {
              logger.warn({ code: error.code }, `slack: an install was refused or failed (${error.message})`);
              failurePage(error, response);
            },
          }),
      },
    ],

    async authorize(source, body) {
      try {
        return await provider.authorize(source);
      } catch (error) {
        // Without a token nothing can answer through Bolt; a slash command still has its
        // response_url, so whoever typed it learns why instead of seeing nothing happen.
        await answerUninstalledCommand(body, logger);
        throw error;
      }
    },

    tokenForWorkspace: (workspace) => tokenForWorkspace(workspace),

    async tokenForChannel(channel) {
      let workspace = await options.workspaces.workspaceOf(channel);
      if (!workspace) {
        // One workspace installed: its channels need no introduction.
        const installed = await installations.workspaces();
        if (installed.length !== 1) {
          throw new PostError(
            installed.length
              ? `Slack channel ${channel}: newsdigest does not know which workspace the channel is in: type /newsdigest status in it once`
              : `Slack channel ${channel}: no Slack workspace has installed newsdigest yet: install it with "Add to Slack" (${SLACK_INSTALL_PATH})`,
            false,
          );
        }
        workspace = installed[0]!;
      }
      return tokenForWorkspace(workspace, channel);
    },

    async forgetWorkspace(workspace, reason) {
      const removed = await installations.remove(workspace);
      const change = { actor: 'slack:newsdigest', at: now().toISOString(), action: 'pause', detail: reason };
      // The workspace's channels: those recorded with it as their tenant, and those its requests came from.
      const paused = new Set(await options.chatChannels.pause('slack', { tenant: workspace }, change));
      for (const channel of await options.workspaces.channelsOf(workspace)) {
        for (const done of await options.chatChannels.pause('slack', { channel }, change)) paused.add(done);
      }
      const channels = [...paused].sort();
      logger.info(
        { workspace, removed, paused: channels },
        `slack: ${reason}: the installation is removed and ${channels.length} chat channel(s) paused`,
      );
      return { removed, paused: channels };
    },

    register(app) {
      // Each request tells which workspace its channel is in; scheduled posts need it later.
      app.use(async ({ body, context, next }) => {
        const channel = channelOf(body as Record<string, unknown>);
        const workspace = workspaceOf(context);
        if (channel && workspace && remembered.get(channel) !== workspace) {
          try {
            await options.workspaces.rememberChannel(channel, workspace);
            remembered.set(channel, workspace);
          } catch (error) {
            logger.warn({ err: error, channel, workspace }, 'slack: could not record the workspace of a channel; trying again at its next request');
          }
        }
        await next();
      });
      app.event('app_uninstalled', async ({ context }) => {
        const workspace = workspaceOf(context);
        if (workspace) await installer.forgetWorkspace(workspace, 'newsdigest was uninstalled from the workspace');
      });
      app.event('tokens_revoked', async ({ event, context }) => {
        // Only the bot token matters: newsdigest asks for no user token.
        const workspace = workspaceOf(context);
        if (workspace && event.tokens.bot?.length) await installer.forgetWorkspace(workspace, 'the workspace revoked newsdigest’s bot token');
      });
    },
  };
  return installer;
}

/** What someone typing a command in a workspace without an installation is told. */
export const NOT_INSTALLED_ANSWER =
  'newsdigest is not installed in this workspace (or it was removed). Ask a workspace admin to add it again with “Add to Slack”.';

/** Answers a slash command from a workspace that has no installation, through its response_url. */
async function answerUninstalledCommand(body: unknown, logger: Logger): Promise<void> {
  const fields = (body ?? {}) as { command?: unknown; response_url?: unknown; team_id?: unknown };
  if (typeof fields.command !== 'string' || typeof fields.response_url !== 'string') return;
  logger.warn({ team: fields.team_id, command: fields.command }, 'slack: a command came from a workspace without an installation');
  try {
    await fetch(fields.response_url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ response_type: 'ephemeral', text: NOT_INSTALLED_ANSWER }),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    logger.warn({ err: error }, 'slack: could not answer a command from a workspace without an installation');
  }
}
