// The CPR feed (upsertPerson), temporary addresses and jobcentre affiliation (004): the jobcentre
// follows the CPR address, the residence municipality can take over, persons abroad keep theirs.
// A change of jobcentre cancels the summonses the old jobcentre holds and tells it (001 §1.3).
import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../../core/clock';
import { requireRole } from '../../../core/authorize';
import { today } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import type { SubgraphContext } from '../../../core/subgraph-server';
import { parseCpr } from '../../common/cpr';
import { MeetingSummons } from '../entities/MeetingSummons';
import { Person } from '../entities/Person';
import type { PersonLoaders } from '../loaders';
import { PersonCourseEvent, PersonEvent, type PersonUpsertedPayload, type TemporaryAddressSetPayload } from '../events';
import { loadAuthorities } from '../authorities';
import { personByCpr } from '../person-lookup';
import { actorFrom, changed, insertOrUpdateOnLostRace, lockPerson, recordChange, type Actor } from '../writes';
import { assertTakeOverAllowed, authorizeWrite, cancelledByMove, jobcentreAfterAddressChange, moveCancellationRecipients } from '../rules';
import { summonsPayload } from './meetings';

type Context = SubgraphContext<PersonLoaders>;

export interface UpsertPersonInput {
  cpr: string;
  name: string;
  municipalityCode: string;
  /** No Danish CPR address (emigrated, cross-border commuter); municipalityCode is then the last Danish one. */
  livesAbroad?: boolean | null;
  /**
   * Herkomst from older CPR feeds. Accepted so those feeds keep working, and dropped on arrival:
   * PersonStatus no longer shows origin (001 §1.1), so it is never stored.
   */
  originCode?: string | null;
}

const MUNICIPALITY = /^\d{3}$/;

function municipality(value: string, field: string): string {
  if (!MUNICIPALITY.test(value)) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'The municipality code is 3 digits, e.g. 101 for København.', { field });
  }
  return value;
}

interface ValidUpsert {
  cpr: string;
  name: string;
  municipalityCode: string;
  livesAbroad: boolean;
}

function validateUpsert(input: UpsertPersonInput): ValidUpsert {
  const name = input.name.trim();
  if (!name || name.length > 200) {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'A name of 1 to 200 characters is required.', { field: 'name' });
  }
  return { cpr: parseCpr(input.cpr), name, municipalityCode: municipality(input.municipalityCode, 'municipalityCode'), livesAbroad: Boolean(input.livesAbroad) };
}

/**
 * Moves the person to `jobcentre`, with the PERSON_UPSERTED every subgraph's directory follows, and
 * cancels the summonses of the jobcentre left: the moved-FROM jobcentre hears it (001 §1.3).
 */
async function changeJobcentre(em: EntityManager, clock: Clock, actor: Actor, person: Person, jobcentre: string, extra: ReturnType<typeof changed>[]): Promise<void> {
  const previous = person.municipalityCode;
  person.municipalityCode = jobcentre;
  const payload: PersonUpsertedPayload = { personId: person.id, cpr: person.cpr, municipalityCode: jobcentre, previousMunicipalityCode: previous };
  await recordChange(em, clock, actor, {
    kind: PersonEvent.PERSON_UPSERTED,
    person,
    entityType: 'Person',
    entityId: person.id,
    payload,
    named: { jobcentres: [previous] },
    changes: [changed('jobcentre', previous, jobcentre), ...extra],
  });
  const summonses = await em.find(MeetingSummons, { personId: person.id, status: 'ACTIVE', jobcentreCode: previous, at: { $gte: clock.now() } });
  for (const summons of summonses.filter(cancelledByMove)) {
    summons.status = 'CANCELLED';
    summons.cancellationCause = 'MOVED_MUNICIPALITY';
    summons.updatedAt = clock.now();
    await recordChange(em, clock, actor, {
      kind: PersonCourseEvent.MEETING_SUMMONS_CANCELLED,
      person,
      entityType: 'MeetingSummons',
      entityId: summons.id,
      payload: summonsPayload(summons),
      named: moveCancellationRecipients(summons, previous),
      withoutPerson: true,
      changes: [changed('status', 'ACTIVE', 'CANCELLED'), changed('cancellationCause', null, 'MOVED_MUNICIPALITY')],
    });
  }
}

async function upsert(ctx: Context, input: ValidUpsert): Promise<Person> {
  const actor = actorFrom(ctx.identity);
  return ctx.em.transactional(async (em) => {
    const now = ctx.clock.now();
    const existing = await em.findOne(Person, { cpr: input.cpr });
    if (!existing) {
      const person = em.create(Person, {
        id: randomUUID(),
        cpr: input.cpr,
        name: input.name,
        municipalityCode: jobcentreAfterAddressChange({ currentJobcentre: null, addressMunicipalityCode: input.municipalityCode, livesAbroad: input.livesAbroad }),
        addressMunicipalityCode: input.municipalityCode,
        livesAbroad: input.livesAbroad,
        temporaryMunicipalityCode: null,
        temporaryAddressEnd: null,
        category: null,
        categorySince: null,
        announcedCvRequirement: 'NONE',
        createdAt: now,
        updatedAt: now,
      });
      const payload: PersonUpsertedPayload = { personId: person.id, cpr: person.cpr, municipalityCode: person.municipalityCode, previousMunicipalityCode: null };
      await recordChange(em, ctx.clock, actor, {
        kind: PersonEvent.PERSON_UPSERTED,
        person,
        entityType: 'Person',
        entityId: person.id,
        payload,
        changes: [changed('name', null, person.name), changed('addressMunicipality', null, person.addressMunicipalityCode), changed('jobcentre', null, person.municipalityCode)],
      });
      return person;
    }
    const person = await lockPerson(em, existing.id);
    const details = [
      ...(person.name !== input.name ? [changed('name', person.name, input.name)] : []),
      ...(person.addressMunicipalityCode !== input.municipalityCode ? [changed('addressMunicipality', person.addressMunicipalityCode, input.municipalityCode)] : []),
      ...(person.livesAbroad !== input.livesAbroad ? [changed('livesAbroad', person.livesAbroad, input.livesAbroad)] : []),
    ];
    if (details.length === 0) return person;
    const addressChanged = person.addressMunicipalityCode !== input.municipalityCode || person.livesAbroad !== input.livesAbroad;
    const jobcentre = addressChanged
      ? jobcentreAfterAddressChange({ currentJobcentre: person.municipalityCode, addressMunicipalityCode: input.municipalityCode, livesAbroad: input.livesAbroad })
      : person.municipalityCode;
    Object.assign(person, { name: input.name, addressMunicipalityCode: input.municipalityCode, livesAbroad: input.livesAbroad, updatedAt: now });
    if (jobcentre !== person.municipalityCode) {
      await changeJobcentre(em, ctx.clock, actor, person, jobcentre, details);
      return person;
    }
    const payload: PersonUpsertedPayload = { personId: person.id, cpr: person.cpr, municipalityCode: person.municipalityCode, previousMunicipalityCode: null };
    await recordChange(em, ctx.clock, actor, { kind: PersonEvent.PERSON_UPSERTED, person, entityType: 'Person', entityId: person.id, payload, changes: details });
    return person;
  });
}

/** The CPR feed (system role). Parallel upserts of one new CPR: one inserts, the other then updates. */
export async function upsertPerson(ctx: Context, raw: UpsertPersonInput): Promise<Person> {
  requireRole(ctx.identity, 'system');
  const input = validateUpsert(raw);
  return insertOrUpdateOnLostRace(ctx.em, () => upsert(ctx, input));
}

export interface TemporaryAddressInput {
  cpr: string;
  municipalityCode: string;
  end: string;
}

/** A temporary address always has an end date (004: "midlertidig adresse med slutdato"). */
export async function setTemporaryAddress(ctx: Context, input: TemporaryAddressInput): Promise<Person> {
  const municipalityCode = municipality(input.municipalityCode, 'municipalityCode');
  if (input.end < today(ctx.clock)) {
    throw new DomainError(ErrorCode.INVALID_DATE_RANGE, 'A temporary address must end today or later.', { field: 'end' });
  }
  const found = await personByCpr(ctx.em, input.cpr);
  authorizeWrite(ctx.identity, await loadAuthorities(ctx.em, found, ctx.clock), ['caseworker', 'system']);
  const actor = actorFrom(ctx.identity);
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.id);
    const changes = [changed('temporaryAddressMunicipality', person.temporaryMunicipalityCode, municipalityCode), changed('temporaryAddressEnd', person.temporaryAddressEnd, input.end)];
    person.temporaryMunicipalityCode = municipalityCode;
    person.temporaryAddressEnd = input.end;
    person.updatedAt = ctx.clock.now();
    const payload: TemporaryAddressSetPayload = { personId: person.id, municipalityCode, end: input.end };
    // The residence municipality's jobcentre hears it: it is the one that may take the person over.
    await recordChange(em, ctx.clock, actor, { kind: PersonCourseEvent.TEMPORARY_ADDRESS_SET, person, entityType: 'Person', entityId: person.id, payload, named: { jobcentres: [municipalityCode] }, changes });
    return person;
  });
}

/** The caller's jobcentre takes the person over (residence municipality, or a person abroad). */
export async function takeOverJobcentre(ctx: Context, cpr: string): Promise<Person> {
  requireRole(ctx.identity, 'caseworker');
  const found = await personByCpr(ctx.em, cpr);
  const actor = actorFrom(ctx.identity);
  return ctx.em.transactional(async (em) => {
    const person = await lockPerson(em, found.id);
    assertTakeOverAllowed({
      takingJobcentre: ctx.identity.authority,
      currentJobcentre: person.municipalityCode,
      livesAbroad: person.livesAbroad,
      temporaryMunicipalityCode: person.temporaryMunicipalityCode,
      temporaryAddressEnd: person.temporaryAddressEnd,
      today: today(ctx.clock),
    });
    person.updatedAt = ctx.clock.now();
    await changeJobcentre(em, ctx.clock, actor, person, ctx.identity.authority, [changed('takenOver', null, true)]);
    return person;
  });
}
