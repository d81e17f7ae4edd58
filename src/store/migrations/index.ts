import { initial } from './001-initial.js';
import { deliveryRetryable } from './002-delivery-retryable.js';
import { storyDays } from './003-story-days.js';
import { chatChannels } from './004-chat-channels.js';
import { slackInstallations } from './005-slack-installations.js';
import { chatChannelTenants } from './006-chat-channel-tenants.js';
import { feedPollClaims } from './007-feed-poll-claims.js';

/**
 * One step of the schema. Each dialect gets its own SQL (types differ: TEXT vs timestamptz/jsonb);
 * versions only ever grow, and an applied migration is never edited — add a new one instead.
 */
export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/** Every migration, oldest first. Applied at start and recorded in `schema_migrations`. */
export const migrations: readonly Migration[] = [
  initial,
  deliveryRetryable,
  storyDays,
  chatChannels,
  slackInstallations,
  chatChannelTenants,
  feedPollClaims,
];

/** The newest schema version this build knows. */
export const latestVersion = Math.max(...migrations.map((m) => m.version));

/** Refuses a database that a newer build has migrated past what this build knows. */
export function assertKnownVersions(applied: Iterable<number>): void {
  const newest = Math.max(0, ...applied);
  if (newest > latestVersion) {
    throw new Error(`the database schema is at version ${newest}, newer than this build of newsdigest knows (${latestVersion}); upgrade newsdigest`);
  }
}
