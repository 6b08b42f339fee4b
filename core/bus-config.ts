// Chooses the event bus from the environment: EVENT_BUS=nats (with NATS_URL) for the distributed
// mode, the in-process bus (a log file in DATA_DIR) otherwise.
import { InProcessBus, type EventBus } from './bus';
import path from 'node:path';
import { dataDir, optional } from './config';
import { logger } from './logger';
import { NatsBus } from './nats-bus';

export async function busFromEnvironment(): Promise<EventBus> {
  const retentionDays = optional('EVENT_RETENTION_DAYS') ? Number(optional('EVENT_RETENTION_DAYS')) : 30;
  if ((optional('EVENT_BUS') ?? 'memory') !== 'nats') return new InProcessBus(path.join(dataDir(), 'bus.sqlite'), retentionDays);
  return NatsBus.connect({
    servers: optional('NATS_URL') ?? '127.0.0.1:4222',
    namespace: optional('NATS_NAMESPACE'),
    maxAgeDays: retentionDays,
    log: logger,
  });
}
