// One entry of a citizen's joblog, written by Jobnet (rules/joblog.ts): mandatory fields kept 6
// years, voluntary fields (contact person, note) cleared after 4 by retention.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { JoblogEntryKind } from '../rules/joblog';
import { startsNull } from '../../../core/entity-defaults';

export const JoblogEntry = defineEntity({
  name: 'JoblogEntry',
  tableName: 'joblog_entry',
  // Person reads by person; retention deletes and clears by the day recorded.
  indexes: [{ properties: ['personId', 'recordedOn'] }, { properties: ['recordedOn'] }],
  properties: {
    id: p.string().length(36).primary(),
    personId: p.string().length(36),
    kind: p.string().$type<JoblogEntryKind>().length(16),
    /** The day the job was applied for, or the general search was done. */
    date: p.string().length(10),
    employer: startsNull(p.string().length(200)),
    jobTitle: startsNull(p.string().length(200)),
    description: startsNull(p.text()),
    contactPerson: startsNull(p.string().length(200)),
    note: startsNull(p.text()),
    /** The day Jobnet recorded it: retention and "not updated within 4 years" count from it. */
    recordedOn: p.string().length(10),
    createdAt: p.datetime(),
  },
});

export type JoblogEntry = InferEntity<typeof JoblogEntry>;
