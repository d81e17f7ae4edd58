import { platformsInUse, secretProblems, slackOAuthMode, slackOAuthProblems, type Secrets } from '../config/env.js';
import { ConfigError } from '../config/load.js';
import type { Config } from '../config/schema.js';

/**
 * What the schema cannot see: channels whose platform has no token, a mode without its secret,
 * a malformed secret, a bad PORT. Each problem names its field or variable; the service refuses
 * to start rather than run half-configured.
 */
export function serviceConfigProblems(config: Config, secrets: Secrets): string[] {
  const problems: string[] = [];
  const inUse = platformsInUse(config, secrets);
  const slackOAuth = slackOAuthMode(secrets);
  config.channels.forEach((channel, i) => {
    const field = `channels[${i}]`;
    if (channel.platform === 'terminal' && channel.channel !== 'stdout') {
      problems.push(`${field}.channel: a terminal channel prints to "stdout"; "${channel.channel}" is not supported`);
    }
    if (channel.platform === 'slack') {
      if (!secrets.slackBotToken && !slackOAuth)
        problems.push(
          `${field}.platform: channel "${channel.id}" posts to Slack but SLACK_BOT_TOKEN is not set (nor SLACK_CLIENT_ID and SLACK_CLIENT_SECRET, for "Add to Slack"; see docs/slack.md)`,
        );
    }
    if (channel.platform === 'discord') {
      if (!secrets.discordToken)
        problems.push(`${field}.platform: channel "${channel.id}" posts to Discord but DISCORD_TOKEN is not set (see docs/discord.md)`);
      if (!secrets.discordApplicationId)
        problems.push(`${field}.platform: channel "${channel.id}" posts to Discord but DISCORD_APPLICATION_ID is not set (see docs/discord.md)`);
    }
  });
  if (inUse.slack && (secrets.slackBotToken || slackOAuth)) {
    if (config.slack.mode === 'http' && !secrets.slackSigningSecret)
      problems.push('slack.mode: "http" needs SLACK_SIGNING_SECRET in the environment (or use mode "socket" with SLACK_APP_TOKEN)');
    if (config.slack.mode === 'socket' && !secrets.slackAppToken)
      problems.push('slack.mode: "socket" needs SLACK_APP_TOKEN (xapp-…) in the environment');
  }
  if (inUse.discord && config.discord.mode === 'http' && !secrets.discordPublicKey) {
    problems.push('discord.mode: "http" needs DISCORD_PUBLIC_KEY in the environment (or use mode "gateway")');
  }
  problems.push(...slackOAuthProblems(secrets));
  problems.push(...secretProblems(secrets, inUse));
  return problems;
}

/** Throws one ConfigError: a single problem on the same line, several each on their own line. */
export function assertServiceConfig(config: Config, secrets: Secrets, origin: string): void {
  const problems = serviceConfigProblems(config, secrets);
  if (problems.length === 1) throw new ConfigError(`${origin} cannot post digests: ${problems[0]}`);
  if (problems.length) throw new ConfigError(`${origin} cannot post digests:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
