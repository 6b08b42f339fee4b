import type { EntitySchema } from '@mikro-orm/core';
import { Person } from './Person';
import { ContactGroupRegistration } from './ContactGroupRegistration';
import { JobSeekerRegistration } from './JobSeekerRegistration';
import { MeetingSummons } from './MeetingSummons';
import { SelfBookingDeadline } from './SelfBookingDeadline';
import { SickLeaveReturnExpectation } from './SickLeaveReturnExpectation';
import { PersonHistoryEntry } from './PersonHistoryEntry';
import { AkasseMembership } from './AkasseMembership';
import { KnownAbsence } from './KnownAbsence';
import { ScreeningResult } from './ScreeningResult';
import { ScreeningStatistic } from './ScreeningStatistic';
import { ClosedAreaRecord } from './ClosedAreaRecord';
import { JoblogEntry } from './JoblogEntry';
import { CprAccess } from '../../../core/audit';
import { RetentionRun } from '../../../core/retention';

export const entities = [
  Person,
  ContactGroupRegistration,
  JobSeekerRegistration,
  MeetingSummons,
  SelfBookingDeadline,
  SickLeaveReturnExpectation,
  PersonHistoryEntry,
  AkasseMembership,
  KnownAbsence,
  ScreeningResult,
  ScreeningStatistic,
  ClosedAreaRecord,
  JoblogEntry,
  CprAccess,
  RetentionRun,
] as EntitySchema[];
