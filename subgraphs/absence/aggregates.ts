// Analysts' aggregate over absences: how many absences of each type were in force in each month,
// per jobcentre. "In force in a month" is valid time: on at least one day of it the absence was
// within its dates and not yet on hold or ended by a contact-group change (one ended or held before
// it started never counts). One grouped query per month (at most 24), portable between SQLite and
// PostgreSQL; deleted absences do not count; small cells are suppressed (core/aggregates.ts).
import { requireRole } from '../../core/authorize';
import { suppressSmallCount } from '../../core/aggregates';
import { lastDayOfMonth } from '../../core/dates';
import { DomainError, ErrorCode } from '../../core/errors';
import type { SubgraphContext } from '../../core/subgraph-server';
import { absenceTypeById } from './rules/code-list';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
export const MAX_MONTHS = 24;

function monthsBetween(from: string, to: string): string[] {
  for (const [field, value] of [['from', from], ['to', to]]) {
    if (!MONTH.test(value)) throw new DomainError(ErrorCode.BAD_USER_INPUT, `${field} must be a month written YYYY-MM, e.g. 2026-03.`, { field });
  }
  if (to < from) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, '`to` is before `from`.', { field: 'to' });
  const months: string[] = [];
  let [year, month] = from.split('-').map(Number);
  for (let current = from; current <= to; current = `${year}-${String(month).padStart(2, '0')}`) {
    months.push(current);
    if (months.length > MAX_MONTHS) throw new DomainError(ErrorCode.BAD_USER_INPUT, `Ask for at most ${MAX_MONTHS} months at a time.`, { field: 'to' });
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return months;
}

function lastDay(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(lastDayOfMonth(y, m)).padStart(2, '0')}`;
}

interface Row {
  municipality_code: string;
  type_id: number;
  n: number | string;
}

export async function absencesByTypeAndMonth(ctx: SubgraphContext, args: { from: string; to: string; municipalityCode?: string | null }) {
  requireRole(ctx.identity, 'analyst', 'system');
  const connection = ctx.em.getConnection();
  const result = [];
  for (const month of monthsBetween(args.from, args.to)) {
    const params: unknown[] = [lastDay(month), `${month}-01`, `${month}-01`];
    let filter = '';
    if (args.municipalityCode) {
      filter = ' and k.municipality_code = ?';
      params.push(args.municipalityCode);
    }
    const rows = (await connection.execute(
      `select k.municipality_code, a.type_id, count(*) as n
         from absence a join known_person k on k.id = a.person_id
        where a.status <> 'DELETED' and a.start <= ? and (a."end" is null or a."end" >= ?)
          and (a.status = 'ACTIVE' or a.status_since is null or (a.status_since > a.start and a.status_since > ?))${filter}
        group by k.municipality_code, a.type_id
        order by k.municipality_code, a.type_id`,
      params,
    )) as Row[];
    for (const row of rows) {
      result.push({ month, municipalityCode: row.municipality_code, type: absenceTypeById(Number(row.type_id)), ...suppressSmallCount(Number(row.n)) });
    }
  }
  return result;
}
