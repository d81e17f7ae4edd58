import type { RunCoordinator } from 'node-cron';
import type { LeaseStore } from '../store/types.js';
import type { Clock } from './deliver.js';

/**
 * node-cron's run coordinator backed by the store's leases: of the replicas sharing a database,
 * the first to take the lease for (task, fire time) runs that fire; the others skip it.
 * node-cron fails closed (a store error skips the fire); the next sweep picks it up.
 */
export class LeaseRunCoordinator implements RunCoordinator {
  private readonly running = new Set<string>();

  constructor(
    private readonly store: LeaseStore,
    private readonly owner: string,
    private readonly clock: Clock,
  ) {}

  async shouldRun(key: string, ttlMs: number): Promise<boolean> {
    const name = `cron:${key}`;
    const won = await this.store.tryLease(name, this.owner, ttlMs, this.clock.now());
    if (won) this.running.add(name);
    return won;
  }

  /** The lease is kept until it expires, so a replica whose clock lags cannot run the fire again. */
  onComplete(key: string): void {
    this.running.delete(`cron:${key}`);
  }

  /** Hands back the leases of fires still running (clean shutdown). */
  async releaseAll(): Promise<void> {
    await Promise.allSettled([...this.running].map((name) => this.store.releaseLease(name, this.owner)));
    this.running.clear();
  }
}
