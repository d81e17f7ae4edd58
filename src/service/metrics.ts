import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ChannelConfig } from '../config/schema.js';
import type { CommandObserver } from '../platforms/types.js';
import type { DeliveryObserver } from '../scheduler/deliver.js';

/**
 * The service's Prometheus metrics, on a registry of its own (two services in one process, as in
 * tests, do not collide). Names and meanings are listed in docs/service.md.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly digestsPosted = new Counter({
    name: 'newsdigest_digests_posted_total',
    help: 'Digests posted, by channel and platform.',
    labelNames: ['channel', 'platform'] as const,
    registers: [this.registry],
  });
  readonly deliveryFailures = new Counter({
    name: 'newsdigest_delivery_failures_total',
    help: 'Failed attempts to post a digest (each is retried), by channel, platform and whether it was retryable.',
    labelNames: ['channel', 'platform', 'retryable'] as const,
    registers: [this.registry],
  });
  readonly commandDuration = new Histogram({
    name: 'newsdigest_command_duration_seconds',
    help: 'Time to answer a command (/digest, /article, /summary), by platform, command and outcome.',
    labelNames: ['platform', 'command', 'ok'] as const,
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly articlesIngested = new Counter({
    name: 'newsdigest_articles_ingested_total',
    help: 'New articles stored (after de-duplication), by source.',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly feedFailures = new Counter({
    name: 'newsdigest_feed_failures_total',
    help: 'Feed polls that failed (timeouts, HTTP errors, invalid feeds), by source.',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  readonly channelsPaused = new Counter({
    name: 'newsdigest_channels_paused_total',
    help: 'Chat channels paused because the bot lost them: removed from the server (server), or the channel gone or hidden (channel).',
    labelNames: ['platform', 'cause'] as const,
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'newsdigest_' });
  }

  readonly delivery: DeliveryObserver = {
    posted: (channel: ChannelConfig) => this.digestsPosted.inc({ channel: channel.id, platform: channel.platform }),
    failed: (channel: ChannelConfig, retryable: boolean) =>
      this.deliveryFailures.inc({ channel: channel.id, platform: channel.platform, retryable: String(retryable) }),
  };

  readonly observeCommand: CommandObserver = (event) =>
    this.commandDuration.observe({ platform: event.platform, command: event.command, ok: String(event.ok) }, event.ms / 1000);

  ingested(sourceId: string, count: number): void {
    this.articlesIngested.inc({ source: sourceId }, count);
  }
}
