// The envelope every domain event travels in, from a subgraph's outbox over the bus to consumers
// and subscribers. Changing a field's meaning needs a new schemaVersion.

export interface EventAuthorities {
  /** Municipality codes of jobcentres the event concerns (the person's, a moved-from one, …). */
  jobcentres?: string[];
  /** A-kasse numbers the event concerns (the person's current or former a-kasse, …). */
  akasser?: string[];
}

export interface DomainEvent<P extends object = Record<string, unknown>> {
  /** Globally unique; consumers and the bus de-duplicate on it. */
  id: string;
  /** The producing subgraph. */
  stream: string;
  /** Position within `stream`, assigned in commit order by the relay; never skips. */
  streamPosition: number;
  kind: string;
  personId: string | null;
  entityType: string | null;
  entityId: string | null;
  authorities: EventAuthorities;
  occurredAt: string;
  /**
   * Valid time: the day the change is in force from, e.g. the start of a contact group that took
   * effect on its date. Absent on events from before it was introduced: their occurredAt's day.
   */
  effectiveDate?: string;
  payload: P;
  schemaVersion: number;
  /**
   * W3C trace context (traceparent, tracestate) of the relay's publish, when traces are on: a
   * consumer's span continues the producer's trace (core/telemetry.ts). Not part of the domain.
   */
  traceContext?: Record<string, string>;
}

/** What a resolver hands to the outbox; the rest of the envelope is filled in on write and relay. */
export interface EventDraft<P extends object = object> {
  kind: string;
  personId?: string | null;
  entityType?: string;
  entityId?: string;
  authorities?: EventAuthorities;
  /** The day the change is in force from; default: today (the day it is recorded). */
  effectiveDate?: string;
  payload: P;
  schemaVersion?: number;
}

/** A subgraph's event contract: each kind it emits and that kind's payload. */
export type EventContract = { [kind: string]: object };

/** An event of one kind of a contract, its payload typed. */
export type EventOf<C extends EventContract, K extends keyof C & string> = DomainEvent<C[K]> & { kind: K };

/**
 * The type guard of one contract: `isPersonEvent(event, 'CONTACT_GROUP_CHANGED')` tells by the kind,
 * and the payload is then that kind's type, so a consumer reads a misspelled field or kind as a
 * compile error instead of casting the payload.
 */
export function eventGuard<C extends EventContract>() {
  return <K extends keyof C & string>(event: DomainEvent<object>, kind: K): event is EventOf<C, K> => event.kind === kind;
}
