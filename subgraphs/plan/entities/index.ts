import type { EntitySchema } from '@mikro-orm/core';
import { KnownPersonSchema } from '../../common/person-directory';
import { Activity } from './Activity';
import { PersonCategoryRecord } from './PersonCategoryRecord';
import { PlanVersion } from './PlanVersion';

export const entities = [PlanVersion, Activity, PersonCategoryRecord, KnownPersonSchema] as EntitySchema[];
