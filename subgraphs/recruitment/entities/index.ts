import type { EntitySchema } from '@mikro-orm/core';
import { KnownPerson } from '../../common/person-directory';
import { JobAd } from './JobAd';
import { JobOrder } from './JobOrder';
import { JobOrderEvent } from './JobOrderEvent';
import { Mediation } from './Mediation';
import { CollaborationMember, RecruitmentCollaboration } from './RecruitmentCollaboration';

export const entities = [
  JobOrder,
  JobOrderEvent,
  Mediation,
  RecruitmentCollaboration,
  CollaborationMember,
  JobAd,
  KnownPerson,
] as EntitySchema[];
