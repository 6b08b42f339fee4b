// Reactions to other subgraphs' events, each inside the transaction that advances the consumer's
// stream position (core/consumer.ts), so a replay changes nothing twice:
// - payment: a-kasse memberships, for "dagpenge without membership → Uden ydelse" (004) and for
//   which a-kasser hear of and may act on the person;
// - absence: the person's absences and their exemptions, for the CV requirement (79 exempts fully,
//   77 never exempts searchability), recomputed and announced at once (001 §3.1).
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import type { ConsumerDefinition } from '../../core/consumer';
import type { DomainEvent } from '../../core/events';
import { isAnyAbsenceEvent, type AbsencePayload } from '../common/absence-events';
import { PaymentEvent, isPaymentEvent, type AkasseMembershipPayload } from '../common/payment-events';
import { AkasseMembership } from './entities/AkasseMembership';
import { KnownAbsence } from './entities/KnownAbsence';
import { Person } from './entities/Person';
import { refreshCvRequirement } from './current-cv-requirement';
import { lockPerson, systemActor } from './writes';

async function projectMembership(em: EntityManager, payload: AkasseMembershipPayload): Promise<void> {
  if (!(await em.findOne(Person, { id: payload.personId }))) return;
  const membership = (await em.findOne(AkasseMembership, { id: payload.membershipId })) ?? em.create(AkasseMembership, { id: payload.membershipId, personId: payload.personId, akasse: payload.akasse, start: payload.start, end: null });
  Object.assign(membership, { akasse: payload.akasse, start: payload.start, end: payload.end });
}

async function projectAbsence(em: EntityManager, clock: Clock, event: DomainEvent<AbsencePayload>): Promise<void> {
  const { payload } = event;
  if (!(await em.findOne(Person, { id: payload.personId }))) return;
  const absence = (await em.findOne(KnownAbsence, { id: payload.absenceId })) ?? em.create(KnownAbsence, { id: payload.absenceId, personId: payload.personId, typeId: payload.typeId, start: payload.start, end: null, status: payload.status, exemptions: [] });
  Object.assign(absence, { typeId: payload.typeId, start: payload.start, end: payload.end, status: payload.status, exemptions: [...payload.exemptions] });
  const person = await lockPerson(em, payload.personId);
  await refreshCvRequirement(em, clock, systemActor(`absence event ${event.kind}`), person);
}

export function personConsumers(clock: Clock): ConsumerDefinition[] {
  return [
    {
      name: 'person.memberships',
      streams: ['payment'],
      async handle(em, event) {
        if (isPaymentEvent(event, PaymentEvent.AKASSE_MEMBERSHIP_STARTED) || isPaymentEvent(event, PaymentEvent.AKASSE_MEMBERSHIP_ENDED)) {
          await projectMembership(em, event.payload);
        }
      },
    },
    {
      name: 'person.absences',
      streams: ['absence'],
      async handle(em, event) {
        if (isAnyAbsenceEvent(event)) await projectAbsence(em, clock, event);
      },
    },
  ];
}
