// The audit trail of CPR reads: every answer that shows a CPR number in clear leaves a row saying
// who (subject, role, authority), when, which person and which client operation. Rows are only
// ever inserted: no code path updates or deletes them, and the auditLog query only reads.
import { randomUUID } from 'node:crypto';
import { EntitySchema, type EntityManager } from '@mikro-orm/core';
import type { Clock } from './clock';
import type { Identity } from './identity';

export class CprAccess {
  id!: string;
  at!: Date;
  subject!: string;
  role!: string;
  authority!: string;
  personId!: string;
  operation!: string;
  requestId!: string;
}

export const CprAccessSchema = new EntitySchema<CprAccess>({
  class: CprAccess,
  tableName: 'cpr_access_audit',
  indexes: [{ properties: ['personId', 'at'] }, { properties: ['subject', 'at'] }, { properties: ['at'] }],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    at: { type: 'datetime' },
    subject: { type: 'string', length: 200 },
    role: { type: 'string', length: 20 },
    authority: { type: 'string', length: 10 },
    personId: { type: 'string', length: 36 },
    operation: { type: 'string', length: 200 },
    requestId: { type: 'string', length: 36 },
  },
});

export interface AuditSource {
  identity: Identity;
  clock: Clock;
  clientOperation: string;
  requestId: string;
}

/**
 * Records that `personIds` were shown in clear in this request. Written in its own fork and flushed
 * before the answer leaves, so an answer is never sent without its audit row; one row per person
 * per request, however many fields showed the CPR.
 */
export class CprAuditTrail {
  private readonly recorded = new Set<string>();

  constructor(
    private readonly em: EntityManager,
    private readonly source: AuditSource,
  ) {}

  async record(personId: string): Promise<void> {
    if (this.recorded.has(personId)) return;
    this.recorded.add(personId);
    const em = this.em.fork();
    em.persist(
      Object.assign(new CprAccess(), {
        id: randomUUID(),
        at: this.source.clock.now(),
        subject: this.source.identity.subject,
        role: this.source.identity.role,
        authority: this.source.identity.authority,
        personId,
        operation: this.source.clientOperation,
        requestId: this.source.requestId,
      }),
    );
    await em.flush();
  }
}
