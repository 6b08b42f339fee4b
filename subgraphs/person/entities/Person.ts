// A person as the CPR feed describes them. The id is DFDG's own, so no other subgraph needs the CPR
// to refer to a person.
import { EntitySchema } from '@mikro-orm/core';

export class Person {
  id!: string;
  cpr!: string;
  name!: string;
  municipalityCode!: string;
  createdAt!: Date;
  updatedAt!: Date;
}

export const PersonSchema = new EntitySchema<Person>({
  class: Person,
  tableName: 'person',
  properties: {
    id: { type: 'string', length: 36, primary: true },
    cpr: { type: 'string', length: 10, unique: true },
    name: { type: 'string', length: 200 },
    municipalityCode: { type: 'string', length: 3, index: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
