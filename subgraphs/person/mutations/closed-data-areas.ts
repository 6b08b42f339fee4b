// Loading closed data areas (systematic referral courses, 'tjek jobforslag' receipts) from the system
// that held them: the system role only, all rows or none, a record loaded twice (same id) kept once.
// Nobody is told: the records are history, kept only until retention deletes them.
import { requireRole } from '../../../core/authorize';
import type { IsoDate } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { parseCpr } from '../../common/cpr';
import { ClosedAreaRecord } from '../entities/ClosedAreaRecord';
import { Person } from '../entities/Person';
import type { PersonLoaders } from '../loaders';
import { validateClosedAreaLoad, type ClosedAreaKind } from '../rules';

type Context = SubgraphContext<PersonLoaders>;

export interface ClosedAreaRow {
  id: string;
  cpr: string;
  recordedOn: IsoDate;
}

export async function loadClosedAreaRecords(ctx: Context, kind: ClosedAreaKind, rows: readonly ClosedAreaRow[]): Promise<{ loaded: number; alreadyLoaded: number }> {
  requireRole(ctx.identity, 'system');
  validateClosedAreaLoad(kind, rows);
  const cprs = rows.map((row) => parseCpr(row.cpr));
  const persons = await ctx.em.find(Person, { cpr: { $in: [...new Set(cprs)] } }, { fields: ['id', 'cpr'] });
  const personIdByCpr = new Map(persons.map((person) => [person.cpr, person.id]));
  const missing = cprs.findIndex((cpr) => !personIdByCpr.has(cpr));
  if (missing >= 0) throw new DomainError(ErrorCode.PERSON_NOT_FOUND, `Row ${missing + 1}: no person with that CPR number is registered in DFDG.`, { row: missing + 1 });
  return ctx.em.transactional(async (em) => {
    const existing = new Set((await em.find(ClosedAreaRecord, { id: { $in: rows.map((row) => row.id) } }, { fields: ['id'] })).map((record) => record.id));
    let loaded = 0;
    rows.forEach((row, index) => {
      if (existing.has(row.id)) return;
      existing.add(row.id);
      em.create(ClosedAreaRecord, { id: row.id, kind, personId: personIdByCpr.get(cprs[index])!, recordedOn: row.recordedOn, loadedAt: ctx.clock.now() });
      loaded += 1;
    });
    return { loaded, alreadyLoaded: rows.length - loaded };
  });
}
