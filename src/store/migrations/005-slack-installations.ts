import type { Migration } from './index.js';

/**
 * Slack workspaces that installed newsdigest with "Add to Slack", one row per workspace (or per
 * organization for an org-wide install), the bot token sealed with NEWSDIGEST_SECRET_KEY; and
 * which workspace each Slack channel belongs to, learned from the commands typed there, so a
 * scheduled post knows whose token to use.
 */
export const slackInstallations: Migration = {
  version: 5,
  name: 'Slack installations and the workspace of each channel',
  sqlite: `
CREATE TABLE slack_installations (
  workspace TEXT PRIMARY KEY,
  team_id TEXT,
  enterprise_id TEXT,
  is_enterprise_install INTEGER NOT NULL DEFAULT 0,
  bot_token_sealed TEXT NOT NULL,
  bot_user_id TEXT NOT NULL,
  bot_id TEXT NOT NULL,
  scopes TEXT NOT NULL DEFAULT '[]',
  installer_user_id TEXT,
  installed_at TEXT NOT NULL
);
CREATE TABLE slack_channel_workspaces (
  channel TEXT PRIMARY KEY,
  workspace TEXT NOT NULL
);
CREATE INDEX slack_channel_workspaces_by_workspace ON slack_channel_workspaces (workspace);`,
  postgres: `
CREATE TABLE slack_installations (
  workspace TEXT PRIMARY KEY,
  team_id TEXT,
  enterprise_id TEXT,
  is_enterprise_install BOOLEAN NOT NULL DEFAULT FALSE,
  bot_token_sealed TEXT NOT NULL,
  bot_user_id TEXT NOT NULL,
  bot_id TEXT NOT NULL,
  scopes JSONB NOT NULL DEFAULT '[]',
  installer_user_id TEXT,
  installed_at TIMESTAMPTZ NOT NULL
);
CREATE TABLE slack_channel_workspaces (
  channel TEXT PRIMARY KEY,
  workspace TEXT NOT NULL
);
CREATE INDEX slack_channel_workspaces_by_workspace ON slack_channel_workspaces (workspace);`,
};
