import type { EntitySchema } from '@mikro-orm/core';
import { PersonSchema } from './Person';
import { ContactGroupRegistrationSchema } from './ContactGroupRegistration';
import { JobSeekerRegistrationSchema } from './JobSeekerRegistration';
import { MeetingSummonsSchema } from './MeetingSummons';
import { SelfBookingDeadlineSchema } from './SelfBookingDeadline';
import { SickLeaveReturnExpectationSchema } from './SickLeaveReturnExpectation';
import { PersonHistoryEntrySchema } from './PersonHistoryEntry';
import { AkasseMembershipSchema } from './AkasseMembership';
import { KnownAbsenceSchema } from './KnownAbsence';
import { ScreeningResultSchema } from './ScreeningResult';
import { CprAccessSchema } from '../../../core/audit';
import { RetentionRunSchema } from '../../../core/retention';

export const entities = [
  PersonSchema,
  ContactGroupRegistrationSchema,
  JobSeekerRegistrationSchema,
  MeetingSummonsSchema,
  SelfBookingDeadlineSchema,
  SickLeaveReturnExpectationSchema,
  PersonHistoryEntrySchema,
  AkasseMembershipSchema,
  KnownAbsenceSchema,
  ScreeningResultSchema,
  CprAccessSchema,
  RetentionRunSchema,
] as EntitySchema[];
