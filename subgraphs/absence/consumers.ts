// The absence subgraph's reactions to other subgraphs' events, each in the transaction that also
// stores the consumer's stream position (core/consumer.ts), so a redelivered event changes nothing:
// - the shared person directory (known_person: contact group, municipality, a-kasse memberships);
// - a contact-group change applied to the person's absences: end, hold or reactivate per the type
//   table, each with its event.
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import type { ConsumerDefinition } from '../../core/consumer';
import type { DomainEvent } from '../../core/events';
import { KnownPerson, personDirectoryConsumer } from '../common/person-directory';
import { AbsenceEvent, PersonEvent, isPersonEvent } from './events';
import type { AbsenceEventKind } from './dispatch';
import { lockPerson, personAbsences, recordAbsenceEvent } from './writes';
import { applyAction, planContactGroupReaction, type AbsenceAction } from './rules';

const EVENT_OF: Record<AbsenceAction, AbsenceEventKind> = {
  END: AbsenceEvent.ABSENCE_ENDED,
  HOLD: AbsenceEvent.ABSENCE_ON_HOLD,
  REACTIVATE: AbsenceEvent.ABSENCE_REACTIVATED,
};

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
      const absences = await personAbsences(em, person.id);
      const now = clock.now();
      for (const planned of planContactGroupReaction(absences, { contactGroupId: change.contactGroupId, start: change.start })) {
        const absence = absences.find((a) => a.id === planned.absenceId)!;
        Object.assign(absence, applyAction(absence, planned.action, change.start), { updatedAt: now });
        recordAbsenceEvent(em, clock, EVENT_OF[planned.action], absence, person, { contactGroupId: change.contactGroupId });
      }
    },
  };
}

/** Every consumer the absence subgraph runs; the module (index.ts) registers them. */
export function consumers(clock: Clock): ConsumerDefinition[] {
  return [personDirectoryConsumer('absence'), contactGroupReactionConsumer(clock)];
}
