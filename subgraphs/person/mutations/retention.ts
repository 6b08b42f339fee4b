// The retention table (slettepolitikker, DOMAIN.md "Retention") as the person subgraph applies it:
// every kind the digest names, with its period and source, and a purge for the kinds this hub
// holds. The closed data areas (systematic referral courses, 'tjek jobforslag' receipts) are held
// here once loaded, only to be deleted; the joblog's voluntary fields are cleared and its entries
// deleted with their mandatory fields; kinds kept by other systems (referrals) are listed so the
// table is whole, and reported as not held when the job runs.
import { requireRole } from '../../../core/authorize';
import { CprAccess } from '../../../core/audit';
import { today } from '../../../core/dates';
import { DomainError } from '../../../core/errors';
import { runRetention, type RetentionPolicy } from '../../../core/retention';
import type { SubgraphContext } from '../../../core/subgraph-server';
import type { PersonLoaders } from '../loaders';
import { deleteExpiredScreeningResults } from './screening';
import { CLOSED_AREAS, JOBLOG_FIELD_CLASSES, JOBLOG_VOLUNTARY_FIELDS, PersonErrorCode, type ClosedAreaKind } from '../rules';
import { ClosedAreaRecord } from '../entities/ClosedAreaRecord';
import { JoblogEntry } from '../entities/JoblogEntry';

type Context = SubgraphContext<PersonLoaders>;

const notHeld = (kind: string, description: string, keepFor: RetentionPolicy['keepFor']): RetentionPolicy => ({
  kind,
  description,
  keepFor,
  source: 'DOMAIN.md Retention; held by the source system, not by this hub',
  purge: null,
});

/** A closed area's records dated before the cutoff, oldest first, a batch at a time. */
function closedArea(kind: ClosedAreaKind): RetentionPolicy {
  const { retentionKind, description, keepFor, source } = CLOSED_AREAS[kind];
  return {
    kind: retentionKind,
    description,
    keepFor,
    source,
    purge: (em, cutoff, limit) =>
      em.transactional(async (tx) => {
        const old = await tx.find(ClosedAreaRecord, { kind, recordedOn: { $lt: cutoff } }, { fields: ['id'], limit, orderBy: { recordedOn: 'asc', id: 'asc' } });
        if (old.length) await tx.nativeDelete(ClosedAreaRecord, { id: { $in: old.map((row) => row.id) } });
        return old.length;
      }),
  };
}

/** Joblog entries recorded before the cutoff: voluntary fields cleared (the entry stays), or whole entries deleted. */
function joblog(fields: keyof typeof JOBLOG_FIELD_CLASSES, description: string): RetentionPolicy {
  const { retentionKind, keepFor } = JOBLOG_FIELD_CLASSES[fields];
  const stillHolding = fields === 'VOLUNTARY' ? { $or: JOBLOG_VOLUNTARY_FIELDS.map((field) => ({ [field]: { $ne: null } })) } : {};
  const cleared = Object.fromEntries(JOBLOG_VOLUNTARY_FIELDS.map((field) => [field, null]));
  return {
    kind: retentionKind,
    description,
    keepFor,
    source: 'DOMAIN.md Retention; seed 002 (joblog), field split in rules/joblog.ts',
    purge: (em, cutoff, limit) =>
      em.transactional(async (tx) => {
        const old = await tx.find(JoblogEntry, { recordedOn: { $lt: cutoff }, ...stillHolding }, { fields: ['id'], limit, orderBy: { recordedOn: 'asc', id: 'asc' } });
        const ids = old.map((row) => row.id);
        if (!ids.length) return 0;
        if (fields === 'VOLUNTARY') await tx.nativeUpdate(JoblogEntry, { id: { $in: ids } }, cleared);
        else await tx.nativeDelete(JoblogEntry, { id: { $in: ids } });
        return ids.length;
      }),
  };
}

export function retentionPolicies(ctx: Context): RetentionPolicy[] {
  return [
    closedArea('SYSTEMATIC_REFERRAL_COURSE'),
    closedArea('JOB_SUGGESTION_CHECK_RECEIPT'),
    notHeld('referral-to-other-actor', 'The referral itself to another actor (that actor sees only referred persons, only in the period)', { years: 6 }),
    joblog('VOLUNTARY', 'Joblog, voluntary fields (contact person, note) cleared; a joblog not updated for 4 years is not shown at all'),
    joblog('MANDATORY', 'Joblog, mandatory fields: the whole entry deleted (archive duty)'),
    {
      kind: 'screening-result',
      description: 'Digital screening result: 90 days for the citizen, 6 months for caseworkers, then handed to the analysts\' screening_statistics (pseudonymised, no answers) and deleted in one transaction (with a history row and an event, no answers)',
      keepFor: { months: 6 },
      source: 'DOMAIN.md Retention; seed 001 §1.6; hand-over seed 000',
      // The visibility dates are stored with each result, so the purge deletes by them, not by the cutoff.
      purge: async () => deleteExpiredScreeningResults(ctx),
    },
    {
      kind: 'cpr-access-audit',
      description: 'Audit rows of CPR numbers shown in clear',
      keepFor: { years: 5 },
      source: 'Our decision: long enough to answer a citizen who asks who looked them up, years later',
      purge: (em, cutoff, limit) =>
        em.transactional(async (tx) => {
          const old = await tx.find(CprAccess, { at: { $lt: new Date(`${cutoff}T00:00:00Z`) } }, { fields: ['id'], limit, orderBy: { at: 'asc' } });
          if (old.length) await tx.nativeDelete(CprAccess, { id: { $in: old.map((row) => row.id) } });
          return old.length;
        }),
    },
    {
      kind: 'deceased-person',
      description: 'Deceased persons: after hand-over to the national archive (Rigsarkivet); the hand-over was postponed in 2021, so nothing is deleted',
      keepFor: null,
      source: 'DOMAIN.md Retention',
      purge: null,
    },
  ];
}

/** System role, or the scheduler: runs the table as of today (an `asOf` in the past re-checks an earlier day). */
export async function runPersonRetention(ctx: Context, asOf?: string | null) {
  requireRole(ctx.identity, 'system');
  const day = today(ctx.clock);
  if (asOf && asOf > day) throw new DomainError(PersonErrorCode.AS_OF_IN_FUTURE, `Retention cannot run as of a day after today (${day}).`, { field: 'asOf' });
  return runRetention(ctx.em, retentionPolicies(ctx), asOf ?? day, ctx.clock.now());
}

export function describeRetention(ctx: Context) {
  requireRole(ctx.identity, 'system');
  return retentionPolicies(ctx).map(({ kind, description, keepFor, source, purge }) => ({
    kind,
    description,
    keepFor: keepFor ? [keepFor.years && `${keepFor.years} years`, keepFor.months && `${keepFor.months} months`, keepFor.days && `${keepFor.days} days`].filter(Boolean).join(' ') : null,
    source,
    held: purge !== null,
  }));
}
