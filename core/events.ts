// The envelope every domain event travels in, from a subgraph's outbox over the bus to consumers
// and subscribers. Changing a field's meaning needs a new schemaVersion.

export interface EventAuthorities {
  /** Municipality codes of jobcentres the event concerns (the person's, a moved-from one, …). */
  jobcentres?: string[];
  /** A-kasse numbers the event concerns (the person's current or former a-kasse, …). */
  akasser?: string[];
}

export interface DomainEvent<P = Record<string, unknown>> {
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
  payload: P;
  schemaVersion: number;
}

/** What a resolver hands to the outbox; the rest of the envelope is filled in on write and relay. */
export interface EventDraft<P = Record<string, unknown>> {
  kind: string;
  personId?: string | null;
  entityType?: string;
  entityId?: string;
  authorities?: EventAuthorities;
  payload: P;
  schemaVersion?: number;
}
