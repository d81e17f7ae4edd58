import type { Migration } from './index.js';

/** Whether a delivery's last failure is worth retrying soon (an outage) or needs a person (a wrong channel or token). */
export const deliveryRetryable: Migration = {
  version: 2,
  name: 'deliveries remember whether their last failure was retryable',
  sqlite: `ALTER TABLE deliveries ADD COLUMN retryable INTEGER NOT NULL DEFAULT 1;`,
  postgres: `ALTER TABLE deliveries ADD COLUMN retryable BOOLEAN NOT NULL DEFAULT TRUE;`,
};
