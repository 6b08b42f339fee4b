// One registered absence (fraværsforhold). Deleted ones are kept with their correction comment:
// a deletion stays visible in history and cannot be undone.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { AbsenceStatus } from '../../common/absence-events';
import { startsAs, startsNull } from '../../../core/entity-defaults';

export const Absence = defineEntity({
  name: 'Absence',
  tableName: 'absence',
  indexes: [{ properties: ['personId', 'start'] }],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    typeId: p.integer(),
    start: p.string().length(10),
    end: startsNull(p.string().length(10)),
    /** Stored status; PLANNED and run-out are derived from the dates when shown. */
    status: startsAs(p.string().$type<AbsenceStatus>().length(16), 'ACTIVE'),
    /** The day an ON_HOLD (i bero) or ENDED status took effect, or a hold was lifted. */
    statusSince: startsNull(p.string().length(10)),
    registeredByRole: p.string().length(16),
    registeredByAuthority: p.string().length(8),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
    deletedAt: startsNull(p.datetime()),
    deletedByAuthority: startsNull(p.string().length(8)),
    /** Rettelseskommentar: free text, so never shown to analysts. */
    deletionComment: startsNull(p.text()),
  },
});

export type Absence = InferEntity<typeof Absence>;
