import type { Migration } from './index.js';

/**
 * A feed's next poll is claimed in the database before it is fetched: one replica sets
 * `claimed_by` and `claimed_until` on a due feed in one UPDATE, and the others, ticking at the
 * same minute, find it claimed and do not fetch it. Saving the poll's outcome clears the claim; a
 * replica that dies while polling leaves a claim that lapses at `claimed_until`.
 */
export const feedPollClaims: Migration = {
  version: 7,
  name: 'feed polls claimed by one replica',
  sqlite: `
ALTER TABLE feed_state ADD COLUMN claimed_by TEXT;
ALTER TABLE feed_state ADD COLUMN claimed_until TEXT;`,
  postgres: `
ALTER TABLE feed_state ADD COLUMN claimed_by TEXT;
ALTER TABLE feed_state ADD COLUMN claimed_until TIMESTAMPTZ;`,
};
