// The absence subgraph's reactions to other subgraphs' events, each in the transaction that also
// stores the consumer's stream position (core/consumer.ts), so a redelivered event changes nothing:
// - the shared person directory (known_person: dated contact groups, municipality, a-kasse
//   memberships);
// - a contact-group change applied to the person's absences on the day it takes effect: end, hold or
//   reactivate per the type table, each with its event dated the change's start. Only
//   CONTACT_GROUP_CHANGED (the change in force) is reacted to; a scheduled change only dates the
//   timeline that registrations are checked against.
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import type { ConsumerDefinition } from '../../core/consumer';
import type { DomainEvent } from '../../core/events';
import { KnownPerson, personDirectoryConsumer, recordContactGroupEvent } from '../common/person-directory';
import { PersonEvent, isPersonEvent } from './events';
import { applyReaction, lockPerson, personAbsences } from './writes';
import { planContactGroupReaction } from './rules';

export function contactGroupReactionConsumer(clock: Clock): ConsumerDefinition {
  return {
    name: 'absence.contact-group-reaction',
    streams: ['person'],
    async handle(em: EntityManager, event: DomainEvent) {
      if (!isPersonEvent(event, PersonEvent.CONTACT_GROUP_CHANGED)) return;
      const change = event.payload;
      // The directory consumer creates the person on PERSON_UPSERTED, which precedes any group change.
      if (!(await em.findOne(KnownPerson, { id: change.personId }))) return;
      const person = await lockPerson(em, change.personId);
      // The timeline gets the change under the person's lock too, whichever consumer runs first: a
      // registration serialised after this reaction sees the change (and meets its rules), one before
      // it is among the absences reacted to here.
      recordContactGroupEvent(person, event);
      const absences = await personAbsences(em, person.id);
      const inForce = { contactGroupId: change.contactGroupId, start: change.start };
      for (const planned of planContactGroupReaction(absences, inForce)) {
        applyReaction(em, clock, absences.find((a) => a.id === planned.absenceId)!, person, inForce, planned.action);
      }
    },
  };
}

/** Every consumer the absence subgraph runs; the module (index.ts) registers them. */
export function consumers(clock: Clock): ConsumerDefinition[] {
  return [personDirectoryConsumer('absence'), contactGroupReactionConsumer(clock)];
}
