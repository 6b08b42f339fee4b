// One period in a contact group (kontaktgruppe). At most one per person is open (no end date); the
// database enforces that with a partial unique index, so two parallel changes cannot both open one.
import { EntitySchema } from '@mikro-orm/core';

export class ContactGroupRegistration {
  id!: string;
  personId!: string;
  contactGroupId!: number;
  start!: string;
  end: string | null = null;
  recoveryCauseId: number | null = null;
  registeredBy!: string;
  createdAt!: Date;
}

export const ContactGroupRegistrationSchema = new EntitySchema<ContactGroupRegistration>({
  class: ContactGroupRegistration,
  tableName: 'contact_group_registration',
  indexes: [
    { properties: ['personId', 'start'] },
    {
      name: 'contact_group_registration_one_open',
      expression:
        'create unique index "contact_group_registration_one_open" on "contact_group_registration" ("person_id") where "end" is null',
    },
  ],
  properties: {
    id: { type: 'string', length: 36, primary: true },
    personId: { type: 'string', length: 36 },
    contactGroupId: { type: 'integer' },
    start: { type: 'string', length: 10 },
    end: { type: 'string', length: 10, nullable: true },
    recoveryCauseId: { type: 'integer', nullable: true },
    registeredBy: { type: 'string', length: 64 },
    createdAt: { type: 'datetime' },
  },
});
