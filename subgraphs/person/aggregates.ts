// Analysts' aggregates over the person subgraph: persons by jobcentre and contact group on a day,
// and the screening trial's handed-over results. One grouped SQL query each; small cells
// suppressed (core/aggregates.ts).
import { requireRole } from '../../core/authorize';
import { suppressSmallCount } from '../../core/aggregates';
import { DomainError, ErrorCode } from '../../core/errors';
import type { SubgraphContext } from '../../core/subgraph-server';
import { contactGroup } from './rules';

interface Row {
  municipality_code: string;
  contact_group_id: number;
  n: number | string;
}

export async function personsByContactGroup(ctx: SubgraphContext, args: { on: string; municipalityCode?: string | null }) {
  requireRole(ctx.identity, 'analyst', 'system');
  const on = args.on; // a Date scalar: already a real YYYY-MM-DD
  const params: unknown[] = [on, on];
  let filter = '';
  if (args.municipalityCode) {
    filter = ' and p.municipality_code = ?';
    params.push(args.municipalityCode);
  }
  const rows = (await ctx.em.getConnection().execute(
    `select p.municipality_code, r.contact_group_id, count(*) as n
       from contact_group_registration r join person p on p.id = r.person_id
      where r.start <= ? and (r."end" is null or r."end" >= ?)${filter}
      group by p.municipality_code, r.contact_group_id
      order by p.municipality_code, r.contact_group_id`,
    params,
  )) as Row[];
  return rows.map((row) => ({
    municipalityCode: row.municipality_code,
    contactGroup: contactGroup(Number(row.contact_group_id)),
    ...suppressSmallCount(Number(row.n)),
  }));
}

interface ScreeningRow {
  municipality_code: string;
  target_group: string;
  n: number | string;
}

/**
 * Analysts: the screening trial's handed-over results (000), persons per jobcentre and target group
 * who answered between two days. The pseudonym counts each person once however often they answered.
 */
export async function screeningStatistics(ctx: SubgraphContext, args: { from: string; to: string }) {
  requireRole(ctx.identity, 'analyst', 'system');
  if (args.to < args.from) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, '`to` is before `from`.', { field: 'to' });
  const rows = (await ctx.em.getConnection().execute(
    `select municipality_code, target_group, count(distinct pseudonym) as n
       from screening_statistics
      where answered_on >= ? and answered_on <= ?
      group by municipality_code, target_group
      order by municipality_code, target_group`,
    [args.from, args.to],
  )) as ScreeningRow[];
  return rows.map((row) => ({ municipalityCode: row.municipality_code, targetGroup: row.target_group, ...suppressSmallCount(Number(row.n)) }));
}
