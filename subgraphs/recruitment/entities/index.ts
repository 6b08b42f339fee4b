import type { EntitySchema } from '@mikro-orm/core';
import { KnownPersonSchema } from '../../common/person-directory';
import { JobAdSchema } from './JobAd';
import { JobOrderSchema } from './JobOrder';
import { JobOrderEventSchema } from './JobOrderEvent';
import { MediationSchema } from './Mediation';
import { CollaborationMemberSchema, RecruitmentCollaborationSchema } from './RecruitmentCollaboration';

export const entities = [
  JobOrderSchema,
  JobOrderEventSchema,
  MediationSchema,
  RecruitmentCollaborationSchema,
  CollaborationMemberSchema,
  JobAdSchema,
  KnownPersonSchema,
] as EntitySchema[];
