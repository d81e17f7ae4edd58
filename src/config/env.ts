/**
 * Secrets come from the environment only, never from config files in the repository.
 * Nothing here is ever logged; `redact` lists the values for the logger to hide.
 */
export interface Secrets {
  slackBotToken?: string;
  slackSigningSecret?: string;
  slackAppToken?: string;
  /** Base URL of the Slack Web API, e.g. a proxy or a local test double (default Slack's own). */
  slackApiUrl?: string;
  discordToken?: string;
  discordApplicationId?: string;
  discordPublicKey?: string;
  /** Base URL of the Discord REST API (default Discord's own). */
  discordApiUrl?: string;
  /** postgres://… selects PostgreSQL; otherwise SQLite. */
  databaseUrl?: string;
  port?: number;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value?.trim() ? value.trim() : undefined;
}

export function readSecrets(env: NodeJS.ProcessEnv = process.env): Secrets {
  const port = nonEmpty(env.PORT);
  return {
    slackBotToken: nonEmpty(env.SLACK_BOT_TOKEN),
    slackSigningSecret: nonEmpty(env.SLACK_SIGNING_SECRET),
    slackAppToken: nonEmpty(env.SLACK_APP_TOKEN),
    slackApiUrl: nonEmpty(env.SLACK_API_URL),
    discordToken: nonEmpty(env.DISCORD_TOKEN),
    discordApplicationId: nonEmpty(env.DISCORD_APPLICATION_ID),
    discordPublicKey: nonEmpty(env.DISCORD_PUBLIC_KEY),
    discordApiUrl: nonEmpty(env.DISCORD_API_URL),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    port: port === undefined ? undefined : Number(port),
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
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'databaseUrl',
  '*.databaseUrl',
];
