import { z } from './deps.js';
import type { Config } from './schema.js';

/**
 * Secrets come from the environment only, never from config files in the repository.
 * Nothing here is ever logged; `redactPaths` lists where the logger hides them.
 */
export interface Secrets {
  slackBotToken?: string;
  slackSigningSecret?: string;
  slackAppToken?: string;
  /** Base URL of the Slack Web API, e.g. a proxy or a local test double (default Slack's own). */
  slackApiUrl?: string;
  /** "Add to Slack" (OAuth) mode: the app's Client ID and Client Secret. */
  slackClientId?: string;
  slackClientSecret?: string;
  /** Seals the installations' bot tokens at rest and signs the OAuth state. */
  secretKey?: string;
  discordToken?: string;
  discordApplicationId?: string;
  discordPublicKey?: string;
  /** Base URL of the Discord REST API (default Discord's own). */
  discordApiUrl?: string;
  /** postgres://… selects PostgreSQL; otherwise SQLite. */
  databaseUrl?: string;
  port?: number;
}

/** The environment variable each secret is read from, to name it in errors. */
export const secretVariables: Record<keyof Secrets, string> = {
  slackBotToken: 'SLACK_BOT_TOKEN',
  slackSigningSecret: 'SLACK_SIGNING_SECRET',
  slackAppToken: 'SLACK_APP_TOKEN',
  slackApiUrl: 'SLACK_API_URL',
  slackClientId: 'SLACK_CLIENT_ID',
  slackClientSecret: 'SLACK_CLIENT_SECRET',
  secretKey: 'NEWSDIGEST_SECRET_KEY',
  discordToken: 'DISCORD_TOKEN',
  discordApplicationId: 'DISCORD_APPLICATION_ID',
  discordPublicKey: 'DISCORD_PUBLIC_KEY',
  discordApiUrl: 'DISCORD_API_URL',
  databaseUrl: 'DATABASE_URL',
  port: 'PORT',
};

/** Discord ids (applications, servers, channels) are snowflakes: 17 to 20 digits. */
export const SNOWFLAKE = /^\d{17,20}$/;

/** Discord's application public key as the Developer Portal shows it: 32 bytes in hex. */
export const DISCORD_PUBLIC_KEY_HEX = /^[0-9a-f]{64}$/i;

/** Unset and blank are the same: not given. */
const value = z
  .string()
  .optional()
  .transform((text) => (text?.trim() ? text.trim() : undefined));

/**
 * The environment as newsdigest reads it. Every variable is optional here: which ones a run needs
 * depends on the config (see `platformsInUse`), and their formats are checked by `secretProblems`.
 */
const environmentSchema = z
  .object({
    SLACK_BOT_TOKEN: value,
    SLACK_SIGNING_SECRET: value,
    SLACK_APP_TOKEN: value,
    SLACK_API_URL: value,
    SLACK_CLIENT_ID: value,
    SLACK_CLIENT_SECRET: value,
    NEWSDIGEST_SECRET_KEY: value,
    DISCORD_TOKEN: value,
    DISCORD_APPLICATION_ID: value,
    DISCORD_PUBLIC_KEY: value,
    DISCORD_API_URL: value,
    DATABASE_URL: value,
    // Kept even when not a number, so that the check can name it rather than ignore it.
    PORT: value.transform((port) => (port === undefined ? undefined : Number(port))),
  })
  .transform(
    (env): Secrets => ({
      slackBotToken: env.SLACK_BOT_TOKEN,
      slackSigningSecret: env.SLACK_SIGNING_SECRET,
      slackAppToken: env.SLACK_APP_TOKEN,
      slackApiUrl: env.SLACK_API_URL,
      slackClientId: env.SLACK_CLIENT_ID,
      slackClientSecret: env.SLACK_CLIENT_SECRET,
      secretKey: env.NEWSDIGEST_SECRET_KEY,
      discordToken: env.DISCORD_TOKEN,
      discordApplicationId: env.DISCORD_APPLICATION_ID,
      discordPublicKey: env.DISCORD_PUBLIC_KEY,
      discordApiUrl: env.DISCORD_API_URL,
      databaseUrl: env.DATABASE_URL,
      port: env.PORT,
    }),
  );

export function readSecrets(env: NodeJS.ProcessEnv = process.env): Secrets {
  return environmentSchema.parse(env);
}

/** What each secret must look like, when given; the messages follow the variable's name. */
const secretFormats = z.object({
  port: z.number().int().min(0).max(65535, 'the environment variable is not a port number (0-65535)').optional(),
  discordApplicationId: z
    .string()
    .regex(SNOWFLAKE, {
      error: (issue) =>
        `"${String(issue.input)}" is not an application id (17 to 20 digits): copy the Application ID from the General Information page of your app in the Discord Developer Portal`,
    })
    .optional(),
  // The key is public, but a wrong one is not repeated back either: it may be another secret pasted by mistake.
  discordPublicKey: z
    .string()
    .regex(DISCORD_PUBLIC_KEY_HEX, 'must be the 64 hex characters shown as "Public Key" in the Discord Developer Portal')
    .optional(),
});

/** NEWSDIGEST_SECRET_KEY's least length (`openssl rand -base64 32` gives 44 characters). */
export const SECRET_KEY_MIN_CHARS = 32;

/**
 * "Add to Slack" (OAuth) mode, for a deployment that many workspaces install: on when
 * SLACK_CLIENT_ID and SLACK_CLIENT_SECRET are both set. It then needs NEWSDIGEST_SECRET_KEY
 * (`slackOAuthProblems` says so at start); without them the single-token mode (SLACK_BOT_TOKEN) runs.
 */
export function slackOAuthMode(secrets: Secrets): boolean {
  return Boolean(secrets.slackClientId && secrets.slackClientSecret);
}

/** What keeps "Add to Slack" mode from starting, one line each naming its variable. */
export function slackOAuthProblems(secrets: Secrets): string[] {
  const problems: string[] = [];
  if (Boolean(secrets.slackClientId) !== Boolean(secrets.slackClientSecret)) {
    const missing = secrets.slackClientId ? 'SLACK_CLIENT_SECRET' : 'SLACK_CLIENT_ID';
    problems.push(`${missing}: "Add to Slack" needs both SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (Basic Information → App Credentials)`);
  }
  if (!slackOAuthMode(secrets)) return problems;
  if (!secrets.secretKey) {
    problems.push(
      `NEWSDIGEST_SECRET_KEY: "Add to Slack" mode needs a secret key to seal the workspaces' bot tokens: set at least ${SECRET_KEY_MIN_CHARS} random characters (openssl rand -base64 32)`,
    );
  } else if (secrets.secretKey.length < SECRET_KEY_MIN_CHARS) {
    problems.push(
      `NEWSDIGEST_SECRET_KEY: too short (${secrets.secretKey.length} characters): give at least ${SECRET_KEY_MIN_CHARS} random characters (openssl rand -base64 32)`,
    );
  }
  if (secrets.slackBotToken) {
    problems.push(
      'SLACK_BOT_TOKEN: set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET ("Add to Slack"), not both',
    );
  }
  return problems;
}

/**
 * The secrets that are set but malformed, one line each naming its variable
 * (`DISCORD_APPLICATION_ID: "abc" is not an application id …`). Discord's are checked only when
 * Discord is in use.
 */
export function secretProblems(secrets: Secrets, inUse: PlatformsInUse): string[] {
  const checked: Partial<Secrets> = { port: secrets.port };
  if (inUse.discord) Object.assign(checked, { discordApplicationId: secrets.discordApplicationId, discordPublicKey: secrets.discordPublicKey });
  const result = secretFormats.safeParse(checked);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const key = issue.path[0] as keyof Secrets;
    // A PORT that is not even a number gets the same plain message as one out of range.
    const message = key === 'port' ? 'the environment variable is not a port number (0-65535)' : issue.message;
    return `${secretVariables[key]}: ${message}`;
  });
}

export interface PlatformsInUse {
  slack: boolean;
  discord: boolean;
}

/**
 * The one answer to "does this run start Slack / Discord": Slack when a channel posts there,
 * SLACK_BOT_TOKEN is set or "Add to Slack" mode is on; Discord when a channel posts there or DISCORD_TOKEN and
 * DISCORD_APPLICATION_ID are both set (either platform's commands answer without a digest channel).
 * `npm start` with neither needs no account.
 */
export function platformsInUse(config: Pick<Config, 'channels'>, secrets: Secrets): PlatformsInUse {
  return {
    slack: config.channels.some((channel) => channel.platform === 'slack') || Boolean(secrets.slackBotToken) || slackOAuthMode(secrets),
    discord: config.channels.some((channel) => channel.platform === 'discord') || Boolean(secrets.discordToken && secrets.discordApplicationId),
  };
}

/** Paths pino must censor wherever a secret could end up in a log object. */
export const redactPaths = [
  'token',
  '*.token',
  'secret',
  '*.secret',
  'signingSecret',
  '*.signingSecret',
  'botToken',
  '*.botToken',
  '*.*.token',
  'clientSecret',
  '*.clientSecret',
  'client_secret',
  '*.client_secret',
  'access_token',
  '*.access_token',
  'secretKey',
  '*.secretKey',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'databaseUrl',
  '*.databaseUrl',
];
