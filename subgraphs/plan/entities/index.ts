import type { EntitySchema } from '@mikro-orm/core';
import { KnownPersonSchema } from '../../common/person-directory';
import { ActivitySchema } from './Activity';
import { PersonCategoryRecordSchema } from './PersonCategoryRecord';
import { PlanVersionSchema } from './PlanVersion';

export const entities = [PlanVersionSchema, ActivitySchema, PersonCategoryRecordSchema, KnownPersonSchema] as EntitySchema[];
