import type { Secrets } from '../config/env.js';
import { ConfigError } from '../config/load.js';
import type { Config } from '../config/schema.js';

/**
 * What the schema cannot see: channels whose platform has no token,
 * a bad PORT. Each problem names its field; the service refuses to start rather than run
 * half-configured.
 */
export function serviceConfigProblems(config: Config, secrets: Secrets): string[] {
  const problems: string[] = [];
  config.channels.forEach((channel, i) => {
    const field = `channels[${i}]`;
    if (channel.platform === 'terminal' && channel.channel !== 'stdout') {
      problems.push(`${field}.channel: a terminal channel prints to "stdout"; "${channel.channel}" is not supported`);
    }
    if (channel.platform === 'slack') {
      if (!secrets.slackBotToken) problems.push(`${field}.platform: channel "${channel.id}" posts to Slack but SLACK_BOT_TOKEN is not set (see docs/slack.md)`);
    }
    if (channel.platform === 'discord') {
      if (!secrets.discordToken) problems.push(`${field}.platform: channel "${channel.id}" posts to Discord but DISCORD_TOKEN is not set (see docs/discord.md)`);
      if (!secrets.discordApplicationId) problems.push(`${field}.platform: channel "${channel.id}" posts to Discord but DISCORD_APPLICATION_ID is not set (see docs/discord.md)`);
    }
  });
  const slackChannels = config.channels.filter((c) => c.platform === 'slack');
  if (slackChannels.length && secrets.slackBotToken) {
    if (config.slack.mode === 'http' && !secrets.slackSigningSecret) problems.push('slack.mode: "http" needs SLACK_SIGNING_SECRET in the environment (or use mode "socket" with SLACK_APP_TOKEN)');
    if (config.slack.mode === 'socket' && !secrets.slackAppToken) problems.push('slack.mode: "socket" needs SLACK_APP_TOKEN (xapp-…) in the environment');
  }
  if (config.channels.some((c) => c.platform === 'discord') && config.discord.mode === 'http' && !secrets.discordPublicKey) {
    problems.push('discord.mode: "http" needs DISCORD_PUBLIC_KEY in the environment (or use mode "gateway")');
  }
  if (secrets.port !== undefined && !(Number.isInteger(secrets.port) && secrets.port >= 0 && secrets.port <= 65535)) {
    problems.push('PORT: the environment variable is not a port number (0-65535)');
  }
  return problems;
}

/** Throws one ConfigError listing every problem, each on its own line. */
export function assertServiceConfig(config: Config, secrets: Secrets, origin: string): void {
  const problems = serviceConfigProblems(config, secrets);
  if (problems.length) throw new ConfigError(`${origin} cannot post digests:\n${problems.map((p) => `  ${p}`).join('\n')}`);
}
