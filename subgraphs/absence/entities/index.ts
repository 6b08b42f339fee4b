import type { EntitySchema } from '@mikro-orm/core';
import { KnownPersonSchema } from '../../common/person-directory';
import { AbsenceSchema } from './Absence';

export const entities = [AbsenceSchema, KnownPersonSchema] as EntitySchema[];
