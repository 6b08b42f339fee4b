import type { EntitySchema } from '@mikro-orm/core';
import { KnownPersonSchema } from '../../common/person-directory';
import { PlanVersionSchema } from './PlanVersion';

export const entities = [PlanVersionSchema, KnownPersonSchema] as EntitySchema[];
