// The joblog's write: Jobnet records an entry of the citizen's job search. Jobnet calls as the system
// role on the citizen's behalf (as with confirmJobSearch): the hub has no citizen caller, and no
// caseworker or a-kasse writes in a citizen's joblog. The person's jobcentre and a-kasser are told.
import { randomUUID } from 'node:crypto';
import { requireRole } from '../../../core/authorize';
import { today } from '../../../core/dates';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { JoblogEntry } from '../entities/JoblogEntry';
import { JoblogEvent, type JoblogEntryPayload } from '../events';
import type { PersonLoaders } from '../loaders';
import { personByCpr } from '../person-lookup';
import { validateJoblogEntry, type JoblogEntryInput } from '../rules';
import { actorFrom, changed, lockPerson, recordChange } from '../writes';

type Context = SubgraphContext<PersonLoaders>;

const payloadOf = (entry: JoblogEntry): JoblogEntryPayload => ({
  personId: entry.personId,
  entryId: entry.id,
  kind: entry.kind,
  date: entry.date,
  recordedOn: entry.recordedOn,
});

export async function recordJoblogEntry(ctx: Context, input: JoblogEntryInput & { cpr: string }): Promise<JoblogEntry> {
  requireRole(ctx.identity, 'system');
  const day = today(ctx.clock);
  const fields = validateJoblogEntry(input, day);
  const found = await personByCpr(ctx.em, input.cpr);
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.id);
    const entry = em.create(JoblogEntry, { id: randomUUID(), personId: person.id, ...fields, recordedOn: day, createdAt: ctx.clock.now() });
    // The history says an entry was recorded and of which kind; its free text stays in the entry.
    await recordChange(em, ctx.clock, actorFrom(ctx.identity), {
      kind: JoblogEvent.JOBLOG_ENTRY_RECORDED,
      person,
      entityType: 'JoblogEntry',
      entityId: entry.id,
      payload: payloadOf(entry),
      changes: [changed('kind', null, entry.kind), changed('date', null, entry.date)],
    });
    return entry;
  });
}
