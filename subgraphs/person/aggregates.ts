// Analysts' aggregate over the person subgraph: persons by jobcentre and contact group on a day.
// One grouped SQL query; small cells suppressed (core/aggregates.ts).
import { requireRole } from '../../core/authorize';
import { suppressSmallCount } from '../../core/aggregates';
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
