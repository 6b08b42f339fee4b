import type { EntitySchema } from '@mikro-orm/core';
import { KnownPersonSchema } from '../../common/person-directory';
import { Absence } from './Absence';

export const entities = [Absence, KnownPersonSchema] as EntitySchema[];
