// Shared steps of the plan subgraph's end-to-end suites: persons, contact groups, memberships and
// visitation set up through the gateway (or, for visitation, through the plan's own consumer), and
// compact reads of results and emitted events.
import type { MikroORM } from '@mikro-orm/core';
import type { BusEvent } from '../../../core/bus';
import type { DomainEvent } from '../../../core/events';
import type { PersonCategory } from '../../common/person-events';
import type { TestSystem } from '../../../test/support/system';
import { planPersonReactions } from '../consumers';

export { AKASSE, ANALYST, JOBCENTRE, OTHER_AKASSE, OTHER_JOBCENTRE, SYSTEM, fails, ok } from '../../../test/support/callers';
import { JOBCENTRE, ok, type Caller } from '../../../test/support/callers';

let serial = 0;

/** A fresh CPR per call (born 1 January 1990 unless given), so tests never share a person. */
export function newCpr(prefix = '010190'): string {
  serial += 1;
  return `${prefix}${String(1000 + serial).slice(-4)}`;
}

/** Creates the person in municipality 101 and, when given, opens a contact group starting `start`. */
export async function createPerson(t: TestSystem, options: { cpr?: string; contactGroupId?: number; start?: string; akasse?: string } = {}): Promise<{ id: string; cpr: string }> {
  const cpr = options.cpr ?? newCpr();
  const { upsertPerson } = await ok<{ upsertPerson: { id: string } }>(t, 'mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', {
    i: { cpr, name: 'Test Person', municipalityCode: '101' },
  });
  if (options.contactGroupId !== undefined) await changeGroup(t, cpr, options.contactGroupId, options.start ?? '2020-01-01');
  if (options.akasse) {
    await ok(t, 'mutation($i: AkasseMembershipInput!) { registerAkasseMembership(input: $i) { id } }', { i: { cpr, akasse: options.akasse, start: '2019-01-01' } }); // the register feed: history
  }
  return { id: upsertPerson.id, cpr };
}

export async function changeGroup(t: TestSystem, cpr: string, contactGroupId: number, start: string): Promise<void> {
  await ok(t, 'mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr, contactGroupId, start } }, JOBCENTRE);
}

export function planOrm(t: TestSystem): MikroORM {
  return t.system.subgraphs.find((s) => s.name === 'plan')!.orm;
}

/**
 * Feeds a VISITATION_CHANGED event to the plan subgraph's consumer, as the person subgraph will send
 * it (its emission is built in parallel); the handler is the one the bus calls.
 */
export async function visitation(t: TestSystem, personId: string, category: PersonCategory | null): Promise<void> {
  const event: DomainEvent = {
    id: `visitation-${personId}-${category}`,
    stream: 'person',
    streamPosition: 0,
    kind: 'VISITATION_CHANGED',
    personId,
    entityType: 'Person',
    entityId: personId,
    authorities: {},
    occurredAt: t.clock.now().toISOString(),
    payload: { personId, category, previousCategory: null, automatic: false },
    schemaVersion: 1,
  };
  await planOrm(t).em.fork().transactional((em) => planPersonReactions(t.clock).handle(em, event));
}

/** Every event of `kind` about the person that reached the bus. */
export async function eventsOf(t: TestSystem, kind: string, personId: string): Promise<BusEvent[]> {
  const all = await t.system.bus.read(0, 100_000);
  return all.filter((e) => e.kind === kind && e.personId === personId);
}

export const PLAN = `plan { version changes { id name } jobSearchRequirements { occupations { code level classification } where { kind regionIds municipalityCodes } otherRequirements } goals { jobGoal { code level } educationGoal description educationOrder planRequired } activities { id status } }`;

export async function planOf(t: TestSystem, cpr: string, as: Caller = JOBCENTRE) {
  const data = await ok<{ person: { plan: Record<string, unknown> | null; planVersions: { version: number; changes: { id: number }[] }[] } }>(
    t,
    `query($cpr: String!) { person(cpr: $cpr) { ${PLAN} planVersions { version changes { id } } } }`,
    { cpr },
    as,
  );
  return data.person;
}
