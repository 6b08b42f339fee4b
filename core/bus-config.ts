// Chooses the event bus from the environment: EVENT_BUS=nats (with NATS_URL) for the distributed
// mode, the in-process bus otherwise.
import { InProcessBus, type EventBus } from './bus';
import { optional } from './config';
import { logger } from './logger';
import { NatsBus } from './nats-bus';

export async function busFromEnvironment(): Promise<EventBus> {
  if ((optional('EVENT_BUS') ?? 'memory') !== 'nats') return new InProcessBus();
  return NatsBus.connect({
    servers: optional('NATS_URL') ?? '127.0.0.1:4222',
    namespace: optional('NATS_NAMESPACE'),
    maxAgeDays: optional('EVENT_RETENTION_DAYS') ? Number(optional('EVENT_RETENTION_DAYS')) : undefined,
    log: (message, error) => logger.error({ err: error }, message),
  });
}
