// Live notifications for subscribers: one watch on the bus per gateway process fans events out to
// subscribers whose authority they are addressed to. A subscriber that resumes with `after` first
// replays the log, then joins the live stream at the exact seam (no gap, no duplicate). Each one
// has a bounded queue: a subscriber too slow to keep up is closed with its resume position rather
// than slowing the others or growing memory.
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { BusEvent, BusSubscription, EventBus } from '../core/bus';
import type { Identity } from '../core/identity';
import { mayReceive } from './notifications/audience';
import { encodePosition } from './notifications/positions';

export interface StreamOptions {
  /** Results a subscriber may have waiting before it is closed as too slow. */
  maxQueue: number;
  /** Live events held for a replaying subscriber before it re-reads them from the log instead. */
  maxReplayBuffer: number;
}

/** Fetches what a subscriber selected for one event; null when there is nothing to send. */
export type Fetch = (subscriber: Subscriber, event: BusEvent) => Promise<ExecutionResult | null>;

interface Queued {
  sequence: number;
  result: Promise<ExecutionResult | null>;
}

export class Subscriber implements AsyncIterableIterator<ExecutionResult> {
  private readonly queue: Queued[] = [];
  private waiter: (() => void) | null = null;
  private closed = false;
  private replaying: boolean;
  private replayBuffer: BusEvent[] = [];
  /** Highest sequence handed to the queue; events at or below it are never queued again. */
  private lastQueued: number;
  private lastDelivered: number;

  constructor(
    readonly identity: Identity,
    /** Identical fetches of subscribers with the same key are made once. */
    readonly key: string,
    /** The follow-up query (see follow-up.ts) and its variables. */
    readonly query: string,
    readonly variables: Record<string, unknown>,
    after: number,
    private readonly stream: NotificationStream,
  ) {
    this.lastQueued = after;
    this.lastDelivered = after;
    this.replaying = after < stream.headSequence;
  }

  get isReplaying(): boolean {
    return this.replaying;
  }

  /** The sequence of the last notification handed to the client: where it resumes after. */
  get deliveredSequence(): number {
    return this.lastDelivered;
  }

  /** Called by the stream for every live event. */
  offer(event: BusEvent): void {
    if (this.closed || !mayReceive(this.identity, event.authorities)) return;
    if (this.replaying) {
      this.replayBuffer.push(event);
      // Too much arrived while replaying: drop the buffer, the log still has every event.
      if (this.replayBuffer.length > this.stream.options.maxReplayBuffer) this.replayBuffer = [];
      return;
    }
    if (this.queue.length >= this.stream.options.maxQueue) return this.overflow();
    this.enqueue(event);
  }

  /** Replays the log after `lastQueued`, then joins the live stream. */
  async replay(bus: EventBus): Promise<void> {
    while (this.replaying && !this.closed) {
      const batch = await bus.read(this.lastQueued, 500);
      if (batch.length === 0) {
        // No await between the empty read and going live: nothing can slip between the two.
        for (const event of this.replayBuffer) if (mayReceive(this.identity, event.authorities)) this.enqueue(event);
        this.replayBuffer = [];
        this.replaying = false;
        return;
      }
      for (const event of batch) {
        if (this.closed) return;
        if (mayReceive(this.identity, event.authorities)) this.enqueue(event);
        else this.lastQueued = event.sequence;
        // Replay is pulled: wait for the client to drain instead of overflowing.
        while (this.queue.length >= this.stream.options.maxQueue && !this.closed) await new Promise<void>((r) => (this.waiter = r));
      }
      this.replayBuffer = this.replayBuffer.filter((e) => e.sequence > this.lastQueued);
    }
  }

  async next(): Promise<IteratorResult<ExecutionResult>> {
    for (;;) {
      const head = this.queue.shift();
      this.wake();
      if (head) {
        const result = await head.result;
        this.lastDelivered = head.sequence;
        if (result) return { value: result, done: false };
        continue;
      }
      if (this.closed) return { value: undefined, done: true };
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  async return(): Promise<IteratorResult<ExecutionResult>> {
    this.close();
    return { value: undefined, done: true };
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ExecutionResult> {
    return this;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.stream.remove(this);
    this.wake();
  }

  private enqueue(event: BusEvent): void {
    if (event.sequence <= this.lastQueued) return;
    this.lastQueued = event.sequence;
    this.queue.push({ sequence: event.sequence, result: this.stream.fetch(this, event) });
    this.wake();
  }

  private overflow(): void {
    this.closeWithError('SUBSCRIBER_TOO_SLOW', (after) => `Notifications arrived faster than this subscriber read them, so it was closed. Subscribe again with after: "${after}" to continue without loss.`);
  }

  /** The log could not be replayed (the bus failed): end with where to resume, never silently. */
  replayFailed(): void {
    this.closeWithError('NOTIFICATIONS_REPLAY_FAILED', (after) => `Missed notifications could not be read from the event log just now. Subscribe again with after: "${after}" to continue without loss.`);
  }

  /** Drops what is queued, sends one final error naming the last delivered position, and closes. */
  private closeWithError(code: string, message: (resumeAfter: string) => string): void {
    if (this.closed) return;
    const resumeAfter = encodePosition(this.lastDelivered);
    this.queue.length = 0;
    this.queue.push({
      sequence: this.lastDelivered,
      result: Promise.resolve({ errors: [new GraphQLError(message(resumeAfter), { extensions: { code, resumeAfter } })] }),
    });
    this.closed = true;
    this.stream.remove(this);
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}

export class NotificationStream {
  private readonly subscribers = new Set<Subscriber>();
  private watching: BusSubscription | null = null;
  /** The newest sequence this process has seen live. */
  headSequence = 0;

  constructor(
    private readonly bus: EventBus,
    readonly fetch: Fetch,
    readonly options: StreamOptions,
  ) {}

  async start(): Promise<void> {
    this.headSequence = await this.bus.latestSequence();
    this.watching = await this.bus.watch(this.headSequence, (event) => {
      this.headSequence = Math.max(this.headSequence, event.sequence);
      for (const subscriber of this.subscribers) subscriber.offer(event);
    });
  }

  /** A new subscriber, replaying from `after` (a sequence) when it is behind. */
  subscribe(identity: Identity, key: string, query: string, variables: Record<string, unknown>, after: number | null): Subscriber {
    const subscriber = new Subscriber(identity, key, query, variables, after ?? this.headSequence, this);
    this.subscribers.add(subscriber);
    if (subscriber.isReplaying) void subscriber.replay(this.bus).catch(() => subscriber.replayFailed());
    return subscriber;
  }

  remove(subscriber: Subscriber): void {
    this.subscribers.delete(subscriber);
  }

  get size(): number {
    return this.subscribers.size;
  }

  async stop(): Promise<void> {
    for (const subscriber of [...this.subscribers]) subscriber.close();
    await this.watching?.close();
  }
}
