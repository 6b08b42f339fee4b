import type { EntitySchema } from '@mikro-orm/core';
import { KnownPersonSchema } from '../../common/person-directory';
import { JobOrderSchema } from './JobOrder';
import { MediationSchema } from './Mediation';

export const entities = [JobOrderSchema, MediationSchema, KnownPersonSchema] as EntitySchema[];
