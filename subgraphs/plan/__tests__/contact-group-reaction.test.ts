// The plan's reaction to contact-group changes on valid time: only a change in force acts (person
// emits CONTACT_GROUP_CHANGED on its start day); the version with code 82 and its event are dated at
// the change's start, also when the change is back-dated; a redelivered event acts once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import { ManualClock } from '../../../core/clock';
import { startConsumer } from '../../../core/consumer';
import type { BusEvent, EventHandler } from '../../../core/bus';
import { openDatabase } from '../../../core/db';
import { OutboxEvent } from '../../../core/outbox';
import { KnownPerson } from '../../common/person-directory';
import { planSubgraph } from '..';
import { changeInForceFrom, planPersonReactions } from '../consumers';
import { PlanVersion } from '../entities/PlanVersion';
import { handDeliveredBus } from '../../../test/support/hand-bus';

let orm: MikroORM;
const clock = new ManualClock('2026-11-30T09:00:00Z');
let deliver: EventHandler;
let position = 0;

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-reaction-'));
  orm = await openDatabase({ subgraph: 'plan', target: { kind: 'sqlite', location: path.join(dir, 'plan.sqlite') }, entities: planSubgraph.entities, migrations: planSubgraph.migrations });
  // The real consumer with its stored position, on a bus the test delivers through (at least once).
  const hand = handDeliveredBus();
  deliver = hand.deliver;
  await startConsumer(orm, hand.bus, planPersonReactions(clock));
});
afterAll(() => orm.close());

/** A person in group 2 whose plan (version 1, recorded 2026-11-02) holds job-search requirements. */
async function personWithRequirements(): Promise<string> {
  const personId = randomUUID();
  const em = orm.em.fork();
  em.create(KnownPerson, { id: personId, cpr: `0101${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`, municipalityCode: '101', contactGroupId: 2, contactGroupStart: '2026-01-01', akasser: [], memberships: [] });
  em.create(PlanVersion, {
    id: randomUUID(), personId, version: 1, changeCodes: [26], goals: null, activities: [], activityId: null, createdBy: 'caseworker:101',
    jobSearchRequirements: { occupations: [], where: null, otherRequirements: 'Søg 3 job om ugen.' },
    createdAt: new Date('2026-11-02T09:00:00Z'), effectiveOn: '2026-11-02',
  });
  await em.flush();
  return personId;
}

function personEvent(kind: string, personId: string, start: string, effectiveDate?: string): BusEvent {
  position += 1;
  return {
    id: randomUUID(), sequence: position, stream: 'person', streamPosition: position, kind, personId, entityType: 'ContactGroupRegistration', entityId: randomUUID(), authorities: {},
    occurredAt: clock.now().toISOString(), effectiveDate, schemaVersion: 1,
    payload: { personId, registrationId: randomUUID(), contactGroupId: 10, start, previousContactGroupId: 2, recoveryCauseId: null },
  };
}

const versionsOf = (personId: string) => orm.em.fork().find(PlanVersion, { personId }, { orderBy: { version: 'asc' } });
const planEventsOf = (personId: string) => orm.em.fork().find(OutboxEvent, { personId, kind: 'PLAN_VERSION_CREATED' });

it('changes nothing when a change to group 10 is scheduled or cancelled before its day', async () => {
  const personId = await personWithRequirements();
  await deliver(personEvent('CONTACT_GROUP_CHANGE_SCHEDULED', personId, '2026-12-20'));
  await deliver(personEvent('CONTACT_GROUP_CHANGE_CANCELLED', personId, '2026-12-20'));
  expect((await versionsOf(personId)).map((v) => v.version)).toEqual([1]);
  expect(await planEventsOf(personId)).toEqual([]);
});

it('writes version 82 dated at the start on the day the change takes effect, and its event carries that day', async () => {
  const personId = await personWithRequirements();
  clock.set('2026-12-20T06:00:00Z');
  await deliver(personEvent('CONTACT_GROUP_CHANGED', personId, '2026-12-20', '2026-12-20'));
  const [, removal] = await versionsOf(personId);
  expect(removal).toMatchObject({ version: 2, changeCodes: [82], jobSearchRequirements: null, effectiveOn: '2026-12-20' });
  expect((await planEventsOf(personId)).map((e) => [e.payload, e.effectiveDate])).toEqual([[{ personId, version: 2, changeCodes: [82], activityId: null }, '2026-12-20']]);
  clock.set('2026-11-30T09:00:00Z');
});

it('dates a back-dated change at its start: the requirements end the day before it, not the day it is recorded', async () => {
  const personId = await personWithRequirements();
  await deliver(personEvent('CONTACT_GROUP_CHANGED', personId, '2026-11-16', '2026-11-16'));
  const [, removal] = await versionsOf(personId);
  expect(removal).toMatchObject({ changeCodes: [82], effectiveOn: '2026-11-16' });
  expect(removal.createdAt.toISOString()).toBe('2026-11-30T09:00:00.000Z');
  expect((await planEventsOf(personId)).map((e) => e.effectiveDate)).toEqual(['2026-11-16']);
});

it('acts once when the bus delivers the same change twice', async () => {
  const personId = await personWithRequirements();
  const event = personEvent('CONTACT_GROUP_CHANGED', personId, '2026-11-30', '2026-11-30');
  await deliver(event);
  await deliver(event);
  expect((await versionsOf(personId)).map((v) => v.changeCodes)).toEqual([[26], [82]]);
  expect(await planEventsOf(personId)).toHaveLength(1);
});

describe('changeInForceFrom', () => {
  it('is the start on or before today, and today for a start a producer from before valid time sent early', () => {
    expect(changeInForceFrom({ start: '2026-11-16' }, '2026-11-30')).toBe('2026-11-16');
    expect(changeInForceFrom({ start: '2026-11-30' }, '2026-11-30')).toBe('2026-11-30');
    expect(changeInForceFrom({ start: '2026-12-01' }, '2026-11-30')).toBe('2026-11-30');
  });
});
