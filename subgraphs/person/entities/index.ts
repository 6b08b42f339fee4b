import type { EntitySchema } from '@mikro-orm/core';
import { PersonSchema } from './Person';
import { ContactGroupRegistrationSchema } from './ContactGroupRegistration';

export const entities = [PersonSchema, ContactGroupRegistrationSchema] as EntitySchema[];
