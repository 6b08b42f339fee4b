// The joblog (seed 003, 001 §2.1–2.2, 002): the citizen's record of their job search, its mandatory
// and voluntary fields with their retention, when a joblog is shown at all, and the days a person has
// a duty to keep it once absences exempting from JOBLOG (79 Sorgorlov, 80 Mink, …) are honoured.
import { addDays, daysBetween, subtractPeriod, type IsoDate, type Period } from '../../../core/dates';
import { DomainError, ErrorCode } from '../../../core/errors';
import { PersonErrorCode } from './error-codes';
import { jobSeekerRegistrationInForce, type DatedJobSeekerRegistration } from './registration';

/** An entry aimed at one job (employer, title) or at job search in general (a description). */
export type JoblogEntryKind = 'SPECIFIC_JOB' | 'GENERAL';

export type JoblogField = 'date' | 'employer' | 'jobTitle' | 'description' | 'contactPerson' | 'note';

/** Which fields are mandatory and how long a kind of field is kept (DOMAIN.md "Retention"). */
export interface JoblogFieldClass {
  retentionKind: string;
  keepFor: Period;
}

/**
 * The split, NOT given field by field in the seeds (they say only "mandatory and voluntary fields"):
 * mandatory is what documents that the search happened — when, and at which employer as what, or what
 * was done — which the jobcentre and a-kasse check availability against and the archive duty keeps 6
 * years; voluntary is the citizen's own help to themselves (a contact person, a note), kept 4 years.
 */
export const JOBLOG_FIELD_CLASSES = {
  MANDATORY: { retentionKind: 'joblog-mandatory-fields', keepFor: { years: 6 } },
  VOLUNTARY: { retentionKind: 'joblog-voluntary-fields', keepFor: { years: 4 } },
} as const satisfies Record<string, JoblogFieldClass>;

/** The fields each kind of entry must carry (besides the date, which every entry carries). */
export const JOBLOG_MANDATORY_FIELDS: Readonly<Record<JoblogEntryKind, readonly JoblogField[]>> = {
  SPECIFIC_JOB: ['employer', 'jobTitle'],
  GENERAL: ['description'],
};

/** Voluntary fields: any kind may carry them; retention clears them after 4 years. */
export const JOBLOG_VOLUNTARY_FIELDS = ['contactPerson', 'note'] as const satisfies readonly JoblogField[];

/** Bounds on free text, so one entry cannot grow without limit. */
export const JOBLOG_MAX_LENGTH: Readonly<Record<Exclude<JoblogField, 'date'>, number>> = {
  employer: 200,
  jobTitle: 200,
  contactPerson: 200,
  description: 2000,
  note: 2000,
};

/** 002: "en joblog, der ikke er opdateret inden for de seneste 4 år, vises slet ikke". */
export const JOBLOG_HIDDEN_AFTER: Period = { years: 4 };

/** One duty query covers at most a year: a longer span is asked for in parts. */
export const MAX_JOBLOG_DUTY_DAYS = 366;

export interface JoblogEntryInput {
  kind: JoblogEntryKind;
  date: IsoDate;
  employer?: string | null;
  jobTitle?: string | null;
  description?: string | null;
  contactPerson?: string | null;
  note?: string | null;
}

/**
 * The entry as stored: texts trimmed, blanks as null, only the fields its kind uses (a kind's
 * mandatory fields and the voluntary ones; the other kind's are dropped). Throws DomainError.
 */
export function validateJoblogEntry(input: JoblogEntryInput, today: IsoDate): Required<JoblogEntryInput> {
  if (input.date > today) {
    throw new DomainError(PersonErrorCode.JOBLOG_DATE_IN_FUTURE, `A joblog entry records job search done: its date cannot be after today (${today}).`, { field: 'date' });
  }
  const text = (field: Exclude<JoblogField, 'date'>): string | null => {
    const value = input[field]?.trim() || null;
    if (value !== null && value.length > JOBLOG_MAX_LENGTH[field]) {
      throw new DomainError(PersonErrorCode.JOBLOG_FIELD_TOO_LONG, `${field} holds at most ${JOBLOG_MAX_LENGTH[field]} characters.`, { field, max: JOBLOG_MAX_LENGTH[field] });
    }
    return value;
  };
  const entry = {
    kind: input.kind,
    date: input.date,
    employer: input.kind === 'SPECIFIC_JOB' ? text('employer') : null,
    jobTitle: input.kind === 'SPECIFIC_JOB' ? text('jobTitle') : null,
    description: input.kind === 'GENERAL' ? text('description') : null,
    contactPerson: text('contactPerson'),
    note: text('note'),
  };
  for (const field of JOBLOG_MANDATORY_FIELDS[input.kind]) {
    if (entry[field as keyof typeof entry] === null) {
      throw new DomainError(PersonErrorCode.JOBLOG_FIELD_REQUIRED, `An entry of kind ${input.kind} must have ${JOBLOG_MANDATORY_FIELDS[input.kind].join(' and ')}; ${field} is missing.`, { field });
    }
  }
  return entry;
}

/** True when the joblog is shown on `day`: its latest entry was recorded within the last 4 years. */
export function isJoblogShown(recordedOn: readonly IsoDate[], day: IsoDate): boolean {
  const cutoff = subtractPeriod(day, JOBLOG_HIDDEN_AFTER);
  return recordedOn.some((recorded) => recorded >= cutoff);
}

export interface AbsenceForJoblog {
  typeId: number;
  start: IsoDate;
  end: IsoDate | null;
  status: string;
  exemptions: readonly string[];
}

export interface JoblogDuty {
  from: IsoDate;
  to: IsoDate;
  /** Days the person was registered as a job seeker. */
  registeredDays: number;
  /** Registered days no absence exempted: the days the joblog must be kept. */
  dutyDays: number;
  /** Registered days an absence exempted, each with the absence types that did (the reason). */
  exemptDays: { day: IsoDate; absenceTypeIds: number[] }[];
}

/** Checks the period a duty query asks about. Throws DomainError. */
export function validateJoblogPeriod(from: IsoDate, to: IsoDate): void {
  if (to < from) throw new DomainError(ErrorCode.INVALID_DATE_RANGE, 'The period ends before it starts: correct from or to.', { field: 'to' });
  if (daysBetween(from, to) + 1 > MAX_JOBLOG_DUTY_DAYS) {
    throw new DomainError(PersonErrorCode.JOBLOG_PERIOD_TOO_LONG, `Ask about at most ${MAX_JOBLOG_DUTY_DAYS} days at a time.`, { field: 'to', max: MAX_JOBLOG_DUTY_DAYS });
  }
}

/**
 * 001 §2.1–2.2: the joblog search honours absences exempting from JOBLOG. A day carries the duty
 * while a job-seeker registration is in force (not awaiting attendance, not annulled) and no active
 * absence in force that day exempts from JOBLOG; an absence on hold exempts from nothing.
 */
export function joblogDuty(registrations: readonly DatedJobSeekerRegistration[], absences: readonly AbsenceForJoblog[], from: IsoDate, to: IsoDate): JoblogDuty {
  validateJoblogPeriod(from, to);
  const counted = registrations.filter((r) => r.status !== 'AWAITING_ATTENDANCE' && r.status !== 'ANNULLED');
  const exempting = absences.filter((a) => a.status === 'ACTIVE' && a.exemptions.includes('JOBLOG'));
  const duty: JoblogDuty = { from, to, registeredDays: 0, dutyDays: 0, exemptDays: [] };
  for (let day = from; day <= to; day = addDays(day, 1)) {
    if (!counted.some((r) => jobSeekerRegistrationInForce(r, day))) continue;
    duty.registeredDays += 1;
    const types = exempting.filter((a) => a.start <= day && (a.end === null || a.end >= day)).map((a) => a.typeId);
    if (types.length) duty.exemptDays.push({ day, absenceTypeIds: [...new Set(types)].sort((a, b) => a - b) });
    else duty.dutyDays += 1;
  }
  return duty;
}
