import type { EntitySchema } from '@mikro-orm/core';
import { KnownPerson } from '../../common/person-directory';
import { Activity } from './Activity';
import { MentorGrantRecord } from './MentorGrantRecord';
import { PersonCategoryRecord } from './PersonCategoryRecord';
import { PlanVersion } from './PlanVersion';
import { WorkObligationFactsRecord } from './WorkObligationFactsRecord';

export const entities = [PlanVersion, Activity, PersonCategoryRecord, WorkObligationFactsRecord, MentorGrantRecord, KnownPerson] as EntitySchema[];
