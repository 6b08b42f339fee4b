// Registration as a job seeker (tilmelding): categories, which contact group each leads to, who may
// set an event date, and the self-registration rules of Jobnet (seeds 004 and 002).
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import type { PersonCategory } from '../../common/person-events';
import { DAGPENGE, KONTANTHJAELP, WITHOUT_BENEFIT } from './contact-groups';
import { PersonErrorCode } from './error-codes';
import { addOpeningDays } from './holidays';

export type JobSeekerCategory = 'DAGPENGE' | 'KONTANTHJAELP' | 'DIMITTEND' | 'NO_BENEFIT';
export type JobSeekerStatus = 'AWAITING_ATTENDANCE' | 'ACTIVE' | 'ANNULLED' | 'DEREGISTERED';
export type Registrant = 'JOBCENTRE' | 'AKASSE' | 'SYSTEM';

/** The four categories of seed 004, with the contact group each registers the person in. */
export const JOB_SEEKER_CATEGORIES: Record<JobSeekerCategory, { name: string; contactGroupId: number; akasseMayRegister: boolean }> = {
  DAGPENGE: { name: 'Dagpenge', contactGroupId: DAGPENGE, akasseMayRegister: true },
  KONTANTHJAELP: { name: 'Kontanthjælp/Introduktionsydelse', contactGroupId: KONTANTHJAELP, akasseMayRegister: false },
  // 004: dimittender are registered 'Uden ydelse', flagged, until the a-kasse reports the entitlement date.
  DIMITTEND: { name: 'Dimittend', contactGroupId: WITHOUT_BENEFIT, akasseMayRegister: true },
  NO_BENEFIT: { name: 'Ingen ydelse', contactGroupId: WITHOUT_BENEFIT, akasseMayRegister: true },
};

/**
 * Who may give an event date (hændelsesdato, 002), by the contact group the registration ends in:
 * the jobcentre for groups other than dagpenge, the a-kasse for dagpenge and 'Uden ydelse', STAR
 * for data repairs.
 */
const EVENT_DATE_ALLOWED: Record<Registrant, (contactGroupId: number) => boolean> = {
  JOBCENTRE: (group) => group !== DAGPENGE,
  AKASSE: (group) => group === DAGPENGE || group === WITHOUT_BENEFIT,
  SYSTEM: () => true,
};

/** 004: a kontanthjælp applicant must show up within 6 days, counted as jobcentre opening days. */
export const ATTENDANCE_OPENING_DAYS = 6;

/**
 * 004: persons the jobcentre already follows who must not self-register: benefit recipients with an
 * active contact course in match 2 or 3 (today: activity-ready), and fleksjobvisiterede (7) and
 * revalidender (4) in match 1 (job-ready). Jobnet tells them they are registered at the jobcentre
 * but need not register and confirm job search.
 */
const BENEFIT_GROUPS: ReadonlySet<number> = new Set([1, 2, 11, 12, 13, 24, 25, 26, 27, 28, 29]);
const JOB_READY_KEPT_GROUPS: ReadonlySet<number> = new Set([4, 7]);

export function selfRegistrationBlocked(openContactGroupId: number | null, category: PersonCategory | null): boolean {
  if (openContactGroupId === null) return false;
  if (category === 'ACTIVITY_READY' && BENEFIT_GROUPS.has(openContactGroupId)) return true;
  return category === 'JOB_READY' && JOB_READY_KEPT_GROUPS.has(openContactGroupId);
}

export interface RegistrationRequest {
  category: JobSeekerCategory;
  registrationDate: IsoDate;
  eventDate: IsoDate | null;
  registrant: Registrant;
  /** Through Jobnet by the citizen. */
  selfService: boolean;
  livesAbroad: boolean;
  /** The contact group open now and the visitation, for who may not self-register (004). */
  openContactGroupId: number | null;
  personCategory: PersonCategory | null;
  /** A membership in the a-kasse register on the registration date (any a-kasse). */
  hasMembership: boolean;
  /** For an a-kasse caller: the person is its member on the registration date. */
  memberOfCaller: boolean;
  today: IsoDate;
}

export interface RegistrationDecision {
  contactGroupId: number | null;
  status: Extract<JobSeekerStatus, 'AWAITING_ATTENDANCE' | 'ACTIVE'>;
  dimittend: boolean;
  withoutMembership: boolean;
  attendanceDeadline: IsoDate | null;
  /** The first day of the contact group it opens: the event date when given. */
  effectiveFrom: IsoDate;
}

export function decideRegistration(request: RegistrationRequest): RegistrationDecision {
  const category = JOB_SEEKER_CATEGORIES[request.category];
  if (request.registrationDate < request.today) {
    throw new DomainError(PersonErrorCode.REGISTRATION_DATE_IN_PAST, 'The registration date cannot be in the past; give an event date for when it should have taken effect.', { field: 'registrationDate' });
  }
  if (request.eventDate !== null && request.eventDate > request.registrationDate) {
    throw new DomainError(PersonErrorCode.EVENT_DATE_AFTER_REGISTRATION_DATE, 'The event date says when the registration should have taken effect, so it cannot be after the registration date.', { field: 'eventDate' });
  }
  if (request.registrant === 'AKASSE') {
    if (!category.akasseMayRegister) {
      throw new DomainError(PersonErrorCode.CATEGORY_NOT_ALLOWED_FOR_AKASSE, `An a-kasse cannot register a person as ${category.name}; the jobcentre does.`, { category: request.category });
    }
    if (!request.memberOfCaller) {
      throw new DomainError(PersonErrorCode.AKASSE_MEMBERSHIP_REQUIRED, 'The person is not a member of your a-kasse on the registration date; register the membership first.');
    }
  }
  // The event date is the caseworker's tool (jobcentre, a-kasse, STAR repairs, 002); a citizen
  // registering on Jobnet registers from the day they do it. Jobnet calls as the system role, which
  // may otherwise set any event date, so the self-service flag is what must stop it.
  if (request.selfService && request.eventDate !== null) {
    throw new DomainError(PersonErrorCode.EVENT_DATE_NOT_ALLOWED, 'A self-registration on Jobnet takes effect on its registration date; only a jobcentre, an a-kasse or STAR can give an event date.', { field: 'eventDate' });
  }
  if (request.selfService && request.livesAbroad) {
    throw new DomainError(PersonErrorCode.NO_DANISH_ADDRESS, 'Persons without a Danish CPR address cannot register on Jobnet; they register at the jobcentre they want to use.');
  }
  if (request.selfService && selfRegistrationBlocked(request.openContactGroupId, request.personCategory)) {
    throw new DomainError(PersonErrorCode.SELF_REGISTRATION_NOT_NEEDED, 'You are registered at the jobcentre and need not register or confirm job search on Jobnet.');
  }
  const withoutMembership = request.category === 'DAGPENGE' && !request.hasMembership;
  const contactGroupId = withoutMembership ? WITHOUT_BENEFIT : category.contactGroupId;
  if (request.eventDate !== null && !EVENT_DATE_ALLOWED[request.registrant](contactGroupId)) {
    throw new DomainError(
      PersonErrorCode.EVENT_DATE_NOT_ALLOWED,
      request.registrant === 'JOBCENTRE'
        ? 'The jobcentre cannot give an event date for a dagpenge registration; the a-kasse does.'
        : 'An a-kasse can give an event date only for dagpenge and Uden ydelse registrations.',
      { field: 'eventDate' },
    );
  }
  const awaitsAttendance = request.category === 'KONTANTHJAELP' && request.selfService;
  return {
    contactGroupId: awaitsAttendance ? null : contactGroupId,
    status: awaitsAttendance ? 'AWAITING_ATTENDANCE' : 'ACTIVE',
    dimittend: request.category === 'DIMITTEND',
    withoutMembership,
    attendanceDeadline: awaitsAttendance ? addOpeningDays(request.registrationDate, ATTENDANCE_OPENING_DAYS) : null,
    effectiveFrom: request.eventDate ?? request.registrationDate,
  };
}

/** An unattended self-registration is annulled once its attendance deadline has passed. */
export function isUnattended(registration: { status: JobSeekerStatus; attendanceDeadline: IsoDate | null }, asOf: IsoDate): boolean {
  return registration.status === 'AWAITING_ATTENDANCE' && registration.attendanceDeadline !== null && registration.attendanceDeadline < asOf;
}

/**
 * Whether the person counts as registered for the CV requirement. Only registrations that took
 * effect count (an awaiting or annulled self-registration "has effect nowhere", 004). At most one is
 * active at a time; once a person has been deregistered, only a new registration registers them
 * again, so deregistration ends the requirement even while the group stays open (001 §3.2). With no
 * registration on record, an open contact group is the registration: caseworker systems register
 * through it.
 */
export function isRegistered(registrations: readonly { status: JobSeekerStatus }[], hasOpenContactGroup: boolean): boolean {
  if (registrations.some((r) => r.status === 'ACTIVE')) return true;
  if (registrations.some((r) => r.status === 'DEREGISTERED')) return false;
  return hasOpenContactGroup;
}

/** A registration's dates: it is in force from its event date (or registration date) until closed. */
export interface DatedJobSeekerRegistration {
  status: JobSeekerStatus;
  registrationDate: IsoDate;
  eventDate: IsoDate | null;
  closedOn: IsoDate | null;
}

/** The first day a registration is in force: the event date when given (002), else the registration date. */
export function registrationStartsOn(registration: DatedJobSeekerRegistration): IsoDate {
  return registration.eventDate ?? registration.registrationDate;
}

/** In force on `day`: started on or before it and not closed (deregistered, annulled) by then. */
export function jobSeekerRegistrationInForce(registration: DatedJobSeekerRegistration, day: IsoDate): boolean {
  return registrationStartsOn(registration) <= day && (registration.closedOn === null || registration.closedOn > day);
}

/** The registration shown on `day` (awaiting attendance or active then), newest first in `registrations`. */
export function jobSeekerRegistrationOn<T extends DatedJobSeekerRegistration>(registrations: readonly T[], day: IsoDate): T | null {
  return registrations.find((r) => jobSeekerRegistrationInForce(r, day)) ?? null;
}

/**
 * `isRegistered` as of `day`: only what had started by then counts, and a deregistration counts
 * from its day on. A registration awaiting attendance or annulled never counts (004).
 */
export function isRegisteredOn(registrations: readonly DatedJobSeekerRegistration[], hasContactGroup: boolean, day: IsoDate): boolean {
  const started = registrations.filter((r) => r.status !== 'AWAITING_ATTENDANCE' && r.status !== 'ANNULLED' && registrationStartsOn(r) <= day);
  if (started.some((r) => jobSeekerRegistrationInForce(r, day))) return true;
  if (started.some((r) => r.status === 'DEREGISTERED')) return false;
  return hasContactGroup;
}
