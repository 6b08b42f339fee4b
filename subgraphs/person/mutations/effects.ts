// What the person subgraph does on the day a scheduled change takes effect (core/effectuation.ts
// claims each due effect once, inside the transaction that applies it). A contact-group change
// recorded for a later day becomes CONTACT_GROUP_CHANGED on its start day, dated that day, and
// everything the immediate path does follows then: the sick-leave metadata ends on a recovery, a
// dimittend's registration switches to dagpenge (004), and the CV requirement is recomputed. A
// registration as job seeker starting on a later day recomputes the CV requirement on it.
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../../core/clock';
import type { EffectHandlers, ScheduledEffect } from '../../../core/effectuation';
import { refreshCvRequirement } from '../current-cv-requirement';
import { ContactGroupRegistration } from '../entities/ContactGroupRegistration';
import { JobSeekerRegistration } from '../entities/JobSeekerRegistration';
import { PersonCourseEvent, PersonEvent } from '../events';
import { registrationBefore } from '../person-lookup';
import { DAGPENGE, WITHOUT_BENEFIT } from '../rules';
import { changed, lockPerson, recordChange, systemActor } from '../writes';
import { contactGroupPayload, CONTACT_GROUP_CHANGE_EFFECT, CV_REQUIREMENT_REFRESH_EFFECT, endReturnExpectation, REGISTRATION_ENTITY, type ContactGroupEffectPayload } from './contact-group';
import { registrationPayload } from './registration';

async function applyContactGroupChange(em: EntityManager, effect: ScheduledEffect, clock: Clock): Promise<void> {
  const registration = await em.findOne(ContactGroupRegistration, { id: effect.entityId });
  // A withdrawn change has its effect cancelled with it; a removed row leaves nothing to apply.
  if (!registration) return;
  const person = await lockPerson(em, registration.personId);
  const actor = systemActor(`scheduled ${effect.kind} recorded ${effect.recordedAt.toISOString()}`);
  const day = registration.start;
  const previous = await registrationBefore(em, person.id, day);
  if (previous) await endReturnExpectation(em, clock, actor, person, previous.id, day);
  const payload = contactGroupPayload(registration, previous);
  await recordChange(em, clock, actor, {
    kind: PersonEvent.CONTACT_GROUP_CHANGED,
    person,
    entityType: REGISTRATION_ENTITY,
    entityId: registration.id,
    payload,
    effectiveDate: day,
    changes: [changed('contactGroup', previous?.contactGroupId, registration.contactGroupId), changed('start', null, day)],
  });
  const dimittendId = (effect.payload as Partial<ContactGroupEffectPayload>).dimittendRegistrationId;
  if (dimittendId) {
    const dimittend = await em.findOne(JobSeekerRegistration, { id: dimittendId });
    // 004: the switch is for a registration still a dimittend's; the report arrived while it was.
    if (dimittend && dimittend.status === 'ACTIVE' && dimittend.dimittend && dimittend.dagpengeEntitlementDate === day) {
      dimittend.category = 'DAGPENGE';
      dimittend.dimittend = false;
      dimittend.contactGroupId = DAGPENGE;
      dimittend.updatedAt = clock.now();
      await recordChange(em, clock, actor, {
        kind: PersonCourseEvent.JOB_SEEKER_REGISTRATION_CHANGED,
        person,
        entityType: 'JobSeekerRegistration',
        entityId: dimittend.id,
        payload: registrationPayload(dimittend),
        effectiveDate: day,
        changes: [changed('category', 'DIMITTEND', 'DAGPENGE'), changed('contactGroup', WITHOUT_BENEFIT, DAGPENGE)],
      });
    }
  }
  await refreshCvRequirement(em, clock, actor, person, day);
}

/** A registration as job seeker starting on this day: the CV requirement moves with it (001 §3.2). */
async function refreshCvOnRegistrationDay(em: EntityManager, effect: ScheduledEffect, clock: Clock): Promise<void> {
  if (!effect.personId) return;
  const person = await lockPerson(em, effect.personId);
  await refreshCvRequirement(em, clock, systemActor(`scheduled ${effect.kind} recorded ${effect.recordedAt.toISOString()}`), person, effect.effectiveOn);
}

export const personEffects: EffectHandlers = {
  [CONTACT_GROUP_CHANGE_EFFECT]: applyContactGroupChange,
  [CV_REQUIREMENT_REFRESH_EFFECT]: refreshCvOnRegistrationDay,
};
