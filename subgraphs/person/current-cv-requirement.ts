// The person's CV requirement today from what this subgraph knows (contact group, registration,
// absences; the rule itself is rules/cv-requirement.ts), and its announcement at once after any
// change that can move it (001 §3.1).
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import { today, type IsoDate } from '../../core/dates';
import { inForceAt } from '../../core/valid-time';
import { ContactGroupRegistration } from './entities/ContactGroupRegistration';
import { JobSeekerRegistration } from './entities/JobSeekerRegistration';
import { KnownAbsence } from './entities/KnownAbsence';
import type { Person } from './entities/Person';
import { PersonCourseEvent, type CvRequirementChangedPayload } from './events';
import { deriveCvRequirement, isRegisteredOn, type CvRequirement } from './rules';
import { changed, recordChange, type Actor } from './writes';

export interface CvFacts {
  registrations: readonly ContactGroupRegistration[];
  jobSeekerRegistrations: readonly JobSeekerRegistration[];
  absences: readonly KnownAbsence[];
}

/** The requirement in force on `day` from what the person subgraph knows. */
export function cvRequirementFrom(facts: CvFacts, day: IsoDate): CvRequirement {
  const group = inForceAt(facts.registrations, day);
  return deriveCvRequirement({
    contactGroupId: group?.contactGroupId ?? null,
    registered: isRegisteredOn(facts.jobSeekerRegistrations, group !== null, day),
    absences: facts.absences,
    today: day,
  });
}

/**
 * Recomputes today's CV requirement and announces a change at once (001 §3.1: the old batch lag was
 * a bug). Called in the transaction of every change that can move it; a scheduled change taking
 * effect passes its day as `effectiveDate`, which the event and the history row carry.
 */
export async function refreshCvRequirement(em: EntityManager, clock: Clock, actor: Actor, person: Person, effectiveDate?: IsoDate): Promise<void> {
  await em.flush();
  const facts: CvFacts = {
    registrations: await em.find(ContactGroupRegistration, { personId: person.id }),
    jobSeekerRegistrations: await em.find(JobSeekerRegistration, { personId: person.id }),
    absences: await em.find(KnownAbsence, { personId: person.id }),
  };
  const requirement = cvRequirementFrom(facts, today(clock));
  if (requirement === person.announcedCvRequirement) return;
  const payload: CvRequirementChangedPayload = { personId: person.id, cvRequirement: requirement, previousCvRequirement: person.announcedCvRequirement };
  await recordChange(em, clock, actor, {
    kind: PersonCourseEvent.CV_REQUIREMENT_CHANGED,
    person,
    entityType: 'Person',
    entityId: person.id,
    payload,
    effectiveDate,
    changes: [changed('cvRequirement', person.announcedCvRequirement, requirement)],
  });
  person.announcedCvRequirement = requirement;
}
