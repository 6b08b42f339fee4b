// DataLoaders: every Person.* field and entity references cost a constant number of SQL statements
// however many persons one operation touches (no N+1), through Query.persons and _entities alike.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import type { MikroORM } from '@mikro-orm/core';
import { graphql } from 'graphql';
import { ManualClock } from '../../../core/clock';
import { openDatabase } from '../../../core/db';
import type { Identity } from '../../../core/identity';
import { scalarResolvers } from '../../../core/scalars';
import { personSubgraph } from '..';
import { AkasseMembership } from '../entities/AkasseMembership';
import { ContactGroupRegistration } from '../entities/ContactGroupRegistration';
import { JobSeekerRegistration } from '../entities/JobSeekerRegistration';
import { KnownAbsence } from '../entities/KnownAbsence';
import { MeetingSummons } from '../entities/MeetingSummons';
import { Person } from '../entities/Person';
import { PersonHistoryEntry } from '../entities/PersonHistoryEntry';
import { SelfBookingDeadline } from '../entities/SelfBookingDeadline';

let orm: MikroORM;
let queries = 0;
const personIds: string[] = [];
const schema = buildSubgraphSchema([{ typeDefs: personSubgraph.typeDefs, resolvers: { ...scalarResolvers, ...personSubgraph.resolvers } as GraphQLResolverMap<unknown> }]);
const clock = new ManualClock('2026-11-23T09:00:00Z');

beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'person-loaders-'));
  orm = await openDatabase({
    subgraph: 'person',
    target: { kind: 'sqlite', location: path.join(dir, 'person.sqlite') },
    entities: personSubgraph.entities,
    migrations: personSubgraph.migrations,
    onQuery: () => queries++,
  });
  const em = orm.em.fork();
  const now = clock.now();
  for (let i = 0; i < 30; i++) {
    const id = randomUUID();
    personIds.push(id);
    em.create(Person, {
      id, cpr: `0303${String(i).padStart(6, '0')}`, name: `Person ${i}`, municipalityCode: '101', addressMunicipalityCode: '101', livesAbroad: false,
      temporaryMunicipalityCode: null, temporaryAddressEnd: null, category: 'JOB_READY', categorySince: '2026-01-01', announcedCvRequirement: 'SEARCHABLE', createdAt: now, updatedAt: now,
    });
    em.create(ContactGroupRegistration, { id: randomUUID(), personId: id, contactGroupId: 1, start: '2026-01-01', end: null, recoveryCauseId: null, registeredBy: 'caseworker:101', createdAt: now });
    em.create(JobSeekerRegistration, {
      id: randomUUID(), personId: id, category: 'DAGPENGE', status: 'ACTIVE', registrationDate: '2026-01-01', eventDate: null, contactGroupId: 1, selfService: false,
      dimittend: false, withoutMembership: false, attendanceDeadline: null, closedOn: null, registeredBy: 'akasse:21', createdAt: now, updatedAt: now,
    });
    em.create(AkasseMembership, { id: randomUUID(), personId: id, akasse: '21', start: '2020-01-01', end: null });
    em.create(KnownAbsence, { id: randomUUID(), personId: id, typeId: 45, start: '2026-11-01', end: '2026-12-01', status: 'ACTIVE', exemptions: [] });
    em.create(MeetingSummons, {
      id: randomUUID(), personId: id, meetingTypeId: 17, at: new Date('2026-12-01T09:00:00Z'), summonerRole: 'akasse', summonerAuthority: '21', jobcentreCode: '101',
      status: 'ACTIVE', cancellationCause: null, createdAt: now, updatedAt: now,
    });
    em.create(SelfBookingDeadline, { id: randomUUID(), personId: id, deadline: '2026-12-07', status: 'ACTIVE', setBy: 'caseworker:101', createdAt: now, closedAt: null });
    em.create(PersonHistoryEntry, { personId: id, at: now, action: 'CONTACT_GROUP_CHANGED', entityType: 'ContactGroupRegistration', entityId: id, actorRole: 'caseworker', actorAuthority: '101', actorSubject: 'cw', changes: [] });
  }
  await em.flush();
});
afterAll(() => orm.close());

const FIELDS = `id cpr name municipalityCode address { municipalityCode } temporaryAddress { end } originCode
  contactGroup { id contactGroup { name } } contactGroupHistory { id } cvRequirement jobSeekerRegistration { status contactGroup { id } }
  jobSeekerRegistrations { id } visitation { category } sickLeaveReturnExpectation { id } meetingSummonses { meetingType { name } }
  selfBookingDeadline { active } screeningResult { id } history { action by { role } }`;

async function run(source: string, variables: Record<string, unknown>): Promise<{ queries: number; data: Record<string, unknown> }> {
  const identity: Identity = { role: 'caseworker', authority: '101', subject: 'cw' };
  const em = orm.em.fork();
  const contextValue = { identity, em, loaders: personSubgraph.createLoaders(em), clock, requestId: 'test', clientOperation: 'test' };
  const before = queries;
  const result = await graphql({ schema, source, contextValue, variableValues: variables });
  expect(result.errors).toBeUndefined();
  return { queries: queries - before, data: result.data as Record<string, unknown> };
}

it('answers a page of 3 and of 30 persons with every field in the same number of statements', async () => {
  const query = `query($first: Int) { persons(municipalityCode: "101", first: $first) { nodes { ${FIELDS} } pageInfo { hasNextPage } } }`;
  const few = await run(query, { first: 3 });
  const many = await run(query, { first: 30 });
  expect((many.data.persons as { nodes: { cvRequirement: string }[] }).nodes.map((p) => p.cvRequirement)).toEqual(Array(30).fill('SEARCHABLE'));
  expect(many.queries).toBe(few.queries);
  // 12 reads, and the one batched insert of the CPR audit rows (the caseworker sees CPRs in clear).
  expect(many.queries).toBeLessThanOrEqual(13);
});

it('resolves 3 and 30 entity references in the same number of statements', async () => {
  const query = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Person { ${FIELDS} } } }`;
  const reps = (n: number) => personIds.slice(0, n).map((id) => ({ __typename: 'Person', id }));
  const few = await run(query, { reps: reps(3) });
  const many = await run(query, { reps: reps(30) });
  expect((many.data._entities as unknown[]).length).toBe(30);
  expect(many.queries).toBe(few.queries);
});

it('pages by cursor without gaps or repeats', async () => {
  const query = 'query($after: String) { persons(municipalityCode: "101", first: 20, after: $after) { nodes { id } pageInfo { endCursor hasNextPage } } }';
  type Page = { persons: { nodes: { id: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } } };
  const first = (await run(query, {})).data as Page;
  const second = (await run(query, { after: first.persons.pageInfo.endCursor })).data as Page;
  expect(first.persons.pageInfo.hasNextPage).toBe(true);
  expect(second.persons.pageInfo.hasNextPage).toBe(false);
  expect(new Set([...first.persons.nodes, ...second.persons.nodes].map((p) => p.id))).toEqual(new Set(personIds));
});
