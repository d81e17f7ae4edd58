import type { SqlConnection } from './rows.js';
import type { LeaseStore } from './types.js';

/** The leases table: one row per lease name, taken or renewed by a single statement. */
export class SqlLeaseStore implements LeaseStore {
  constructor(private readonly db: SqlConnection) {}

  /** One statement: take a free lease, take over an expired one, or renew one we hold. */
  async tryLease(name: string, owner: string, ttlMs: number, now: Date): Promise<boolean> {
    const row = await this.db.one(
      `INSERT INTO leases (name, owner, expires_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE leases.owner = excluded.owner OR leases.expires_at <= ?
       RETURNING owner`,
      [name, owner, new Date(now.getTime() + ttlMs).toISOString(), now.toISOString()],
    );
    return row !== undefined;
  }

  async releaseLease(name: string, owner: string): Promise<void> {
    await this.db.run('DELETE FROM leases WHERE name = ? AND owner = ?', [name, owner]);
  }
}
