import type { Migration } from './index.js';

/**
 * Chat channels learn whose they are and how often they changed: `tenant` is the Slack workspace
 * (team id) or Discord server (guild id) the channel belongs to, so that one deployment serving
 * many keeps each one's answers apart; `version` grows by one at each change, so that two admins
 * editing at once cannot overwrite each other (a save names the version it read).
 */
export const chatChannelTenants: Migration = {
  version: 6,
  name: 'chat channels: tenant and version',
  sqlite: `
ALTER TABLE chat_channels ADD COLUMN tenant TEXT NOT NULL DEFAULT '';
ALTER TABLE chat_channels ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX chat_channels_by_tenant ON chat_channels (platform, tenant);`,
  postgres: `
ALTER TABLE chat_channels ADD COLUMN tenant TEXT NOT NULL DEFAULT '';
ALTER TABLE chat_channels ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
CREATE INDEX chat_channels_by_tenant ON chat_channels (platform, tenant);`,
};
