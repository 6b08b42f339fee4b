import type { EntitySchema } from '@mikro-orm/core';
import { KnownPerson } from '../../common/person-directory';
import { Absence } from './Absence';

export const entities = [Absence, KnownPerson] as EntitySchema[];
