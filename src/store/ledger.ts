import { compact, instant, json, optionalInstant, optionalText, type Row, type SqlConnection } from './rows.js';
import type { Delivery, DeliveryKey, DeliveryLedger, DeliveryStatus } from './types.js';

/** The deliveries table: every claim is one statement on the (channel, date) key. */
export class SqlDeliveryLedger implements DeliveryLedger {
  constructor(private readonly db: SqlConnection) {}

  /**
   * One statement, so the unique key decides between racing claimers: a new key is inserted;
   * an existing one is taken only when its last attempt failed; otherwise nothing is returned.
   */
  async claimDelivery(key: DeliveryKey, owner: string, now: Date): Promise<Delivery | null> {
    const row = await this.db.one(
      `INSERT INTO deliveries (channel_id, date, status, owner, claimed_at, message_ids, attempts)
       VALUES (?, ?, 'claimed', ?, ?, '[]', 1)
       ON CONFLICT (channel_id, date) DO UPDATE
         SET status = 'claimed', owner = excluded.owner, claimed_at = excluded.claimed_at,
             posted_at = NULL, attempts = deliveries.attempts + 1
         WHERE deliveries.status = 'failed'
       RETURNING *`,
      [key.channelId, key.date, owner, now.toISOString()],
    );
    return row ? toDelivery(row) : null;
  }

  /** Marks the delivery posted; a delivery that is already posted keeps its first message ids. */
  async completeDelivery(key: DeliveryKey, messageIds: string[], now: Date): Promise<void> {
    const changed = await this.db.run(
      `UPDATE deliveries SET status = 'posted', posted_at = ?, message_ids = ?
       WHERE channel_id = ? AND date = ? AND status <> 'posted'`,
      [now.toISOString(), JSON.stringify(messageIds), key.channelId, key.date],
    );
    if (changed === 0 && !(await this.getDelivery(key))) {
      throw new Error(`no delivery was claimed for channel ${key.channelId} on ${key.date}; claim it before completing`);
    }
  }

  /** Only a live claim can fail (a posted delivery stays posted); with `expected`, only that claim. */
  async failDelivery(
    key: DeliveryKey,
    error: string,
    _now: Date,
    expected?: Pick<Delivery, 'owner' | 'attempts'>,
    retryable = true,
  ): Promise<boolean> {
    const sameClaim = expected ? ' AND owner = ? AND attempts = ?' : '';
    const changed = await this.db.run(
      `UPDATE deliveries SET status = 'failed', last_error = ?, retryable = ?
       WHERE channel_id = ? AND date = ? AND status = 'claimed'${sameClaim}`,
      [
        error,
        this.db.kind === 'sqlite' ? Number(retryable) : retryable,
        key.channelId,
        key.date,
        ...(expected ? [expected.owner, expected.attempts] : []),
      ],
    );
    return changed > 0;
  }

  async recordDeliveryParts(key: DeliveryKey, messageIds: string[], claim: Pick<Delivery, 'owner' | 'attempts'>): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE deliveries SET message_ids = ?
       WHERE channel_id = ? AND date = ? AND status = 'claimed' AND owner = ? AND attempts = ?`,
      [JSON.stringify(messageIds), key.channelId, key.date, claim.owner, claim.attempts],
    );
    return changed > 0;
  }

  async getDelivery(key: DeliveryKey): Promise<Delivery | null> {
    const row = await this.db.one('SELECT * FROM deliveries WHERE channel_id = ? AND date = ?', [key.channelId, key.date]);
    return row ? toDelivery(row) : null;
  }

  async staleClaims(olderThan: Date): Promise<Delivery[]> {
    const rows = await this.db.all(`SELECT * FROM deliveries WHERE status = 'claimed' AND claimed_at < ? ORDER BY claimed_at, channel_id`, [
      olderThan.toISOString(),
    ]);
    return rows.map(toDelivery);
  }

  async listDeliveries(channelId?: string): Promise<Delivery[]> {
    const rows =
      channelId === undefined
        ? await this.db.all('SELECT * FROM deliveries ORDER BY date DESC, channel_id')
        : await this.db.all('SELECT * FROM deliveries WHERE channel_id = ? ORDER BY date DESC', [channelId]);
    return rows.map(toDelivery);
  }
}

function toDelivery(row: Row): Delivery {
  return compact({
    channelId: String(row.channel_id),
    date: String(row.date),
    status: String(row.status) as DeliveryStatus,
    owner: String(row.owner),
    claimedAt: instant(row.claimed_at),
    postedAt: optionalInstant(row.posted_at),
    messageIds: json<string[]>(row.message_ids),
    attempts: Number(row.attempts),
    lastError: optionalText(row.last_error),
    retryable: row.retryable === undefined || row.retryable === null ? true : Boolean(row.retryable),
  });
}
