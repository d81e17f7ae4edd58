export { CronSchedule, wallTimeToInstant } from './cron.js';
export {
  deliverDigest,
  deliveryKeyString,
  resolveStaleClaim,
  retryDelayMs,
  systemClock,
  type BuildDigest,
  type Clock,
  type DeliveryDeps,
  type DeliveryObserver,
  type DeliveryOutcome,
} from './deliver.js';
export { LeaseRunCoordinator } from './coordinator.js';
export { Scheduler, processOwner, type SchedulerOptions, type SweepReport } from './scheduler.js';
