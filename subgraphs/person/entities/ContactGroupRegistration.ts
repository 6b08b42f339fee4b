// One period in a contact group (kontaktgruppe). At most one per person is open (no end date); the
// database enforces that with a partial unique index, so two parallel changes cannot both open one.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsNull } from '../../../core/entity-defaults';

export const ContactGroupRegistration = defineEntity({
  name: 'ContactGroupRegistration',
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
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    contactGroupId: p.integer(),
    start: p.string().length(10),
    end: startsNull(p.string().length(10)),
    recoveryCauseId: startsNull(p.integer()),
    registeredBy: p.string().length(64),
    createdAt: p.datetime(),
  },
});

export type ContactGroupRegistration = InferEntity<typeof ContactGroupRegistration>;
