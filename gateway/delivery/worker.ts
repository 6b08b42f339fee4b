// The gateway's delivery worker: records what each declared subscription is owed (record.ts), then
// sends what is due. Delivery state is in the gateway's database, so nothing is lost when a process
// stops or is killed, and replicas share the work: each attempt first claims its delivery with a
// conditional update (a lease in the row, wall-clock bounded), so one replica sends it, and a claim
// left by a replica that died expires for another to take. Order: a delivery is due only when no
// earlier one with the same subscription and order key (citizen and subgraph area) is undelivered,
// so a failing citizen holds back only that citizen's later messages in that area. Bounded
// concurrency, overall and per endpoint: a slow receiver holds a few slots, never the pool.
import { randomUUID } from 'node:crypto';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import type { MikroORM } from '@mikro-orm/core';
import type { ApolloServer } from '@apollo/server';
import type { ExecutionResult } from 'graphql';
import type { BusEvent, BusSubscription, EventBus } from '../../core/bus';
import type { Clock } from '../../core/clock';
import type { DatabaseTarget } from '../../core/config';
import type { Identity, Role } from '../../core/identity';
import { logger } from '../../core/logger';
import type { ServiceMetrics } from '../../core/metrics';
import type { GatewayContext } from '../context';
import { executeFollowUp } from '../follow-up-fetch';
import { encodePosition } from '../notifications/positions';
import type { DeliveryConfig } from './config';
import { Delivery } from './entities/Delivery';
import { DeliverySubscription } from './entities/DeliverySubscription';
import { recordDeliveries } from './record';
import { afterFailure } from './retry-policy';
import { createSender, type AttemptResult, type Sender } from './sender';

export interface DeliveryWorkerOptions {
  orm: MikroORM;
  database: DatabaseTarget;
  bus: EventBus;
  clock: Clock;
  apollo: ApolloServer<GatewayContext>;
  config: DeliveryConfig;
  /** Counts attempts by outcome (docs/operations.md "Metrics"). */
  metrics?: ServiceMetrics;
}

const PRUNE_INTERVAL_MS = 3_600_000;

/** Live events kept for recording (record.ts) without re-reading the bus. */
const RECENT_EVENTS = 10_000;

/** Errors of the follow-up fetch that say "try later", not "this is the answer". */
const TRANSIENT = new Set(['SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']);

/** The head of each (subscription, order key) that is due, unclaimed and not paused, oldest first. */
const DUE = `select d.id, d.subscription_id from delivery d join delivery_subscription s on s.id = d.subscription_id
  where not s.paused and d.status in ('PENDING', 'FAILED') and d.next_attempt_at <= ? and (d.claimed_until is null or d.claimed_until < ?)
    and not exists (select 1 from delivery e where e.subscription_id = d.subscription_id and e.order_key = d.order_key and e.sequence < d.sequence and e.status <> 'DELIVERED')
  order by d.sequence limit ?`;

export class DeliveryWorker {
  private readonly id = randomUUID();
  private readonly log = logger.child({ service: 'gateway', part: 'delivery' });
  private readonly sender: Sender;
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly perEndpoint = new Map<string, number>();
  /** Follow-up fetches in flight, shared by subscriptions with the same identity and query (as subscriptions.ts does). */
  private readonly fetches = new Map<string, Promise<ExecutionResult | null>>();
  private watching: BusSubscription | null = null;
  /** The events watched live, in order and without gaps: recording reads them here instead of asking the bus again. */
  private recent: BusEvent[] = [];
  private timer: NodeJS.Timeout | null = null;
  private pruning: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly options: DeliveryWorkerOptions) {
    this.sender = createSender(options.config);
  }

  async start(): Promise<void> {
    // SQLite is one process's file: any claim in it is a previous run of this process, dead or stopped.
    if (this.options.database.kind === 'sqlite') await this.options.orm.em.fork().nativeUpdate(Delivery, { claimedBy: { $ne: null } }, { claimedBy: null, claimedUntil: null });
    this.watching = await this.options.bus.watch(await this.options.bus.latestSequence(), (event) => {
      this.recent.push(event);
      if (this.recent.length > RECENT_EVENTS) this.recent.splice(0, this.recent.length - RECENT_EVENTS);
      this.wake();
    });
    this.timer = setInterval(() => this.wake(), this.options.config.pollMs);
    this.timer.unref();
    this.pruning = setInterval(() => void this.prune().catch((error: unknown) => this.log.warn({ err: error }, 'delivered rows could not be pruned; tried again in an hour')), PRUNE_INTERVAL_MS);
    this.pruning.unref();
    this.wake();
  }

  /** Runs a pass now, or once more after the one in progress. */
  wake(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // A pass is the worker's own work, not part of whichever request or publish happened to wake it.
    this.running = context
      .with(ROOT_CONTEXT, () => this.pass())
      .catch((error: unknown) => this.log.warn({ err: error }, 'delivery pass failed; retried at the next tick'))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  private async pass(): Promise<void> {
    const em = this.options.orm.em.fork();
    const subscriptions = await em.find(DeliverySubscription, {});
    await recordDeliveries(em, (after, limit) => this.readLog(after, limit), this.options.clock, subscriptions);
    const free = this.options.config.concurrency - this.inFlight.size;
    if (free <= 0) return;
    const wall = Date.now();
    const rows = (await em.getConnection().execute(DUE, [this.options.clock.now().getTime(), wall, free * 4])) as { id: string; subscription_id: string }[];
    const byId = new Map(subscriptions.map((s) => [s.id, s]));
    // Within the pool and each endpoint's share of it, decided before claiming so no claim is taken only to be dropped.
    const planned = new Map<string, number>();
    let total = this.inFlight.size;
    const wanted = rows.filter(({ id, subscription_id }) => {
      const endpoint = byId.get(subscription_id)?.endpoint;
      if (!endpoint || this.inFlight.has(id)) return false;
      const busy = (this.perEndpoint.get(endpoint) ?? 0) + (planned.get(endpoint) ?? 0);
      if (busy >= this.options.config.concurrencyPerEndpoint || total >= this.options.config.concurrency) return false;
      planned.set(endpoint, (planned.get(endpoint) ?? 0) + 1);
      total++;
      return true;
    });
    if (wanted.length === 0 || this.closed) return;
    const ids = wanted.map((r) => r.id);
    // One conditional update claims them all; what another replica took meanwhile is not ours.
    await em.nativeUpdate(
      Delivery,
      { id: { $in: ids }, status: { $in: ['PENDING', 'FAILED'] }, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: wall } }] },
      { claimedBy: this.id, claimedUntil: wall + this.options.config.timeoutMs * 3 },
    );
    const claimed = await em.find(Delivery, { id: { $in: ids }, claimedBy: this.id }, { orderBy: { sequence: 'asc' } });
    for (const delivery of claimed) this.launch(delivery, byId.get(delivery.subscriptionId)!);
  }

  /**
   * From memory when the watched events reach back to `after` (each watched event wakes a pass, so
   * "nothing newer here" is only ever "nothing newer yet"); from the bus otherwise: after a start,
   * a replay, or a declaration older than what is held. JetStream reads cost a consumer each.
   */
  private async readLog(after: number, limit: number): Promise<BusEvent[]> {
    if (this.recent.length > 0 && this.recent[0].sequence <= after + 1) return this.recent.filter((e) => e.sequence > after).slice(0, limit);
    return this.options.bus.read(after, limit);
  }

  private launch(delivery: Delivery, subscription: DeliverySubscription): void {
    const endpoint = subscription.endpoint;
    this.perEndpoint.set(endpoint, (this.perEndpoint.get(endpoint) ?? 0) + 1);
    const attempt = this.attempt(delivery, subscription)
      .catch((error: unknown) => this.log.error({ err: error, delivery: delivery.id }, 'delivery attempt could not be recorded; its claim expires and it is tried again'))
      .finally(() => {
        this.inFlight.delete(delivery.id);
        this.perEndpoint.set(endpoint, this.perEndpoint.get(endpoint)! - 1);
        // The next message of this citizen may be due now.
        this.wake();
      });
    this.inFlight.set(delivery.id, attempt);
  }

  private async attempt(delivery: Delivery, subscription: DeliverySubscription): Promise<void> {
    const identity = { role: subscription.role as Role, authority: subscription.authority, subject: subscription.subject };
    const result = await this.fetch(identity, subscription.followUp, delivery.sequence);
    const transient = result?.errors?.find((e) => TRANSIENT.has(String(e.extensions?.code)));
    if (transient) return this.record(delivery, { ok: false, error: `could not read the notification: ${String(transient.extensions.code)}` });
    // Nothing of it is visible to the authority now (access is decided at delivery time): nothing to send.
    if (!result) return this.record(delivery, { ok: true }, 'nothing_visible');
    const body = JSON.stringify({ data: result.data, ...(result.errors ? { errors: result.errors } : {}) });
    await this.record(delivery, await this.sender.send({ endpoint: subscription.endpoint, secret: subscription.secret, messageId: encodePosition(delivery.sequence), body }));
  }

  private fetch(identity: Identity, query: string, sequence: number): Promise<ExecutionResult | null> {
    const key = `${identity.role}\u0000${identity.authority}\u0000${identity.subject}\u0000${query}\u0000${sequence}`;
    const pending = this.fetches.get(key);
    if (pending) return pending;
    const started = executeFollowUp(this.options.apollo, identity, query, {}, sequence).finally(() => this.fetches.delete(key));
    this.fetches.set(key, started);
    return started;
  }

  private async record(delivery: Delivery, outcome: AttemptResult, delivered: 'delivered' | 'nothing_visible' = 'delivered'): Promise<void> {
    const em = this.options.orm.em.fork();
    const now = this.options.clock.now();
    const released = { claimedBy: null, claimedUntil: null };
    if (outcome.ok) {
      await em.nativeUpdate(Delivery, { id: delivery.id, claimedBy: this.id }, { ...released, status: 'DELIVERED', deliveredAt: now, lastError: null });
      this.options.metrics?.deliveryAttempts.inc({ outcome: delivered });
      return;
    }
    const attempts = delivery.attempts + 1;
    const firstFailedAt = delivery.firstFailedAt ?? now;
    const next = afterFailure(attempts, firstFailedAt, now, this.options.config.parkAfterMs);
    this.options.metrics?.deliveryAttempts.inc({ outcome: next.status === 'PARKED' ? 'parked' : 'failed' });
    await em.nativeUpdate(Delivery, { id: delivery.id, claimedBy: this.id }, { ...released, status: next.status, attempts, firstFailedAt, nextAttemptAt: next.nextAttemptAt.getTime(), lastError: outcome.error.slice(0, 500) });
  }

  /**
   * Delivered rows older than the event log's retention go: the log no longer holds their events,
   * and every row kept is one more for the order check to step over. Any replica may run it (idempotent).
   */
  async prune(): Promise<number> {
    const before = new Date(this.options.clock.now().getTime() - this.options.config.keepDeliveredMs);
    return this.options.orm.em.fork().nativeDelete(Delivery, { status: 'DELIVERED', deliveredAt: { $lt: before } });
  }

  /** Stops taking work, lets attempts in flight finish (each within its timeout) and records them. */
  async stop(): Promise<void> {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    if (this.pruning) clearInterval(this.pruning);
    await this.watching?.close();
    await this.running;
    await Promise.allSettled(this.inFlight.values());
    await this.sender.close();
  }
}
