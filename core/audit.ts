// The audit trail of CPR reads: every answer that shows a CPR number in clear leaves a row saying
// who (subject, role, authority), when, which person and which client operation. Rows are only
// ever inserted: no code path updates or deletes them, and the auditLog query only reads.
import { randomUUID } from 'node:crypto';
import DataLoader from 'dataloader';
import { defineEntity, p, type EntityManager, type InferEntity } from '@mikro-orm/core';
import type { Clock } from './clock';
import type { Identity } from './identity';

export const CprAccess = defineEntity({
  name: 'CprAccess',
  tableName: 'cpr_access_audit',
  indexes: [{ properties: ['personId', 'at'] }, { properties: ['subject', 'at'] }, { properties: ['at'] }],
  properties: {
    id: p.string().length(36).primary(),
    at: p.datetime(),
    subject: p.string().length(200),
    role: p.string().length(20),
    authority: p.string().length(10),
    personId: p.string().length(36),
    operation: p.string().length(200),
    requestId: p.string().length(36),
  },
});

export type CprAccess = InferEntity<typeof CprAccess>;

/** The largest list a caller may ask for (the cost limit's 1,000 for the system role). */
const MAX_BATCH = 1000;

export interface AuditSource {
  identity: Identity;
  clock: Clock;
  clientOperation: string;
  requestId: string;
}

/**
 * Records that persons were shown in clear in this request. Rows of one tick are batched into one
 * insert (a list of 1,000 persons is one statement, not 1,000), written before the field resolves,
 * so an answer is never sent without its audit rows; one row per person per request, however many
 * fields showed the CPR.
 */
export class CprAuditTrail {
  private readonly batch: DataLoader<string, void>;

  constructor(em: EntityManager, source: AuditSource) {
    this.batch = new DataLoader<string, void>(async (personIds) => {
      // One statement for the whole batch, where the unit of work would split it into inserts of
      // 300 rows: a batch holds at most MAX_BATCH persons, 8 parameters each, well within what
      // SQLite and PostgreSQL take in one statement.
      const at = source.clock.now();
      await em.fork().insertMany(
        CprAccess,
        personIds.map((personId) => ({
          id: randomUUID(),
          at,
          subject: source.identity.subject,
          role: source.identity.role,
          authority: source.identity.authority,
          personId,
          operation: source.clientOperation,
          requestId: source.requestId,
        })),
      );
      return personIds.map(() => undefined);
    }, { maxBatchSize: MAX_BATCH });
  }

  /** Resolves once the row is written; the same person again in this request adds nothing. */
  record(personId: string): Promise<void> {
    return this.batch.load(personId);
  }
}
