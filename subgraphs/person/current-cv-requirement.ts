// The person's CV requirement today from what this subgraph knows (contact group, registration,
// absences; the rule itself is rules/cv-requirement.ts), and its announcement at once after any
// change that can move it (001 §3.1).
import type { EntityManager } from '@mikro-orm/core';
import type { Clock } from '../../core/clock';
import { today, type IsoDate } from '../../core/dates';
import { ContactGroupRegistration } from './entities/ContactGroupRegistration';
import { JobSeekerRegistration } from './entities/JobSeekerRegistration';
import { KnownAbsence } from './entities/KnownAbsence';
import type { Person } from './entities/Person';
import { PersonCourseEvent, type CvRequirementChangedPayload } from './events';
import { deriveCvRequirement, isRegistered, type CvRequirement } from './rules';
import { changed, recordChange, type Actor } from './writes';

export interface CvFacts {
  registrations: readonly ContactGroupRegistration[];
  jobSeekerRegistrations: readonly JobSeekerRegistration[];
  absences: readonly KnownAbsence[];
}

/** The requirement today from what the person subgraph knows. */
export function cvRequirementFrom(facts: CvFacts, day: IsoDate): CvRequirement {
  const open = facts.registrations.find((r) => r.end === null) ?? null;
  return deriveCvRequirement({
    contactGroupId: open?.contactGroupId ?? null,
    registered: isRegistered(facts.jobSeekerRegistrations, open !== null),
    absences: facts.absences,
    today: day,
  });
}

/**
 * Recomputes the CV requirement and announces a change at once (001 §3.1: the old batch lag was a
 * bug). Called in the transaction of every change that can move it.
 */
export async function refreshCvRequirement(em: EntityManager, clock: Clock, actor: Actor, person: Person): Promise<void> {
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
    changes: [changed('cvRequirement', person.announcedCvRequirement, requirement)],
  });
  person.announcedCvRequirement = requirement;
}
