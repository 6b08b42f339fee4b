// The plan subgraph's reactions to other subgraphs' events: the shared person directory, and the
// person subgraph's visitation and contact-group changes in force (a change scheduled for a later
// day arrives as CONTACT_GROUP_CHANGED on that day). core/consumer.ts stores the stream position in
// the same transaction as the reaction, so an event delivered twice acts once.
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import { today, type IsoDate } from '../../core/dates';
import type { ConsumerDefinition } from '../../core/consumer';
import type { DomainEvent } from '../../core/events';
import { KnownPerson, personDirectoryConsumer } from '../common/person-directory';
import { PersonEvent, isPersonEvent, type ContactGroupChangedPayload, type VisitationChangedPayload } from '../common/person-events';
import { PersonCategoryRecord } from './entities/PersonCategoryRecord';
import { writeVersionIn } from './writes';
import { ChangeCode, requirementsRemovedOnGroupChange } from './rules';

/** Who the versions this consumer writes are attributed to. */
const AUTHOR = 'system:plan.person-reactions';

/** Keeps person_category: job-search requirements are for job-ready and obviously education-ready persons. */
async function onVisitationChanged(em: EntityManager, event: DomainEvent<VisitationChangedPayload>): Promise<void> {
  const { payload } = event;
  const record = (await em.findOne(PersonCategoryRecord, { personId: payload.personId })) ?? em.create(PersonCategoryRecord, { personId: payload.personId, changedAt: new Date(event.occurredAt) });
  record.category = payload.category;
  record.changedAt = new Date(event.occurredAt);
}

/**
 * The day a contact-group change is in force from: its start, never after today. Person emits
 * CONTACT_GROUP_CHANGED on the start day (or at once for a start already reached), so the start is
 * today or earlier; a producer from before valid time may send a later start, and a version is not
 * written ahead of its day, so that one is dated today.
 */
export function changeInForceFrom(payload: Pick<ContactGroupChangedPayload, 'start'>, today: IsoDate): IsoDate {
  return payload.start < today ? payload.start : today;
}

/**
 * 001 §4.1: "Ved skift til kontaktgruppe 10 'Fleksjobansat' bliver 'Krav til jobsøgning' fjernet" —
 * a new version with code 82, only when there were requirements to remove. It is in force from the
 * change's start, and so are its events: a back-dated change ends the requirements the day before
 * its start (reads as of any day from the start show none), not the day it was recorded.
 */
async function onContactGroupChanged(em: EntityManager, clock: Clock, event: DomainEvent<ContactGroupChangedPayload>): Promise<void> {
  const { payload } = event;
  if (!requirementsRemovedOnGroupChange(payload.contactGroupId)) return;
  // The directory consumer may not have seen the person yet; then there is no plan to change either.
  if (!(await em.findOne(KnownPerson, { id: payload.personId }))) return;
  const effectiveOn = changeInForceFrom(payload, today(clock));
  await writeVersionIn(em, clock, AUTHOR, payload.personId, async (_tx, _person, previous) => ({
    change: previous?.jobSearchRequirements
      ? { changeCodes: [ChangeCode.JOB_SEARCH_REQUIREMENTS_CANCELLED], patch: { jobSearchRequirements: null }, effectiveOn }
      : null,
    result: null,
  }));
}

export function planPersonReactions(clock: Clock): ConsumerDefinition {
  return {
    name: 'plan.person-reactions',
    streams: ['person'],
    async handle(em, event) {
      if (isPersonEvent(event, PersonEvent.VISITATION_CHANGED)) await onVisitationChanged(em, event);
      // Only a change in force acts: CONTACT_GROUP_CHANGE_SCHEDULED and _CANCELLED change no plan.
      else if (isPersonEvent(event, PersonEvent.CONTACT_GROUP_CHANGED)) await onContactGroupChanged(em, clock, event);
    },
  };
}

/** Every consumer of the plan subgraph, as the module starts them. */
export function consumers(clock: Clock): ConsumerDefinition[] {
  return [personDirectoryConsumer('plan'), planPersonReactions(clock)];
}
