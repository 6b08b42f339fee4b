// A person as the CPR feed describes them, plus what DFDG keeps on the person itself: the jobcentre
// they belong to, a temporary address, the visitation and the last CV requirement announced. The id
// is DFDG's own, so no other subgraph needs the CPR to refer to a person.
import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { startsAs, startsNull } from '../../../core/entity-defaults';
import type { PersonCategory } from '../../common/person-events';
import type { CvRequirement } from '../rules/cv-requirement';

export const Person = defineEntity({
  name: 'Person',
  tableName: 'person',
  properties: {
    id: p.string().length(36).primary(),
    cpr: p.string().length(10).unique(),
    name: p.string().length(200),
    /** The jobcentre the person belongs to (myndighedstilknytning); other subgraphs know it by this name. */
    municipalityCode: p.string().length(3).index(),
    /** Municipality of the CPR address (folkeregisteradresse); for persons abroad, the last Danish one. */
    addressMunicipalityCode: p.string().length(3),
    /** No Danish CPR address: emigrated or a cross-border commuter; shown with a protected dummy address (001 §3.3). */
    livesAbroad: startsAs(p.boolean(), false),
    /** Temporary address (midlertidig adresse) with its end date: where the person actually stays. */
    temporaryMunicipalityCode: startsNull(p.string().length(3)),
    temporaryAddressEnd: startsNull(p.string().length(10)),
    /** Visitation (personkategorisering); null when not visited. */
    category: startsNull(p.string().$type<PersonCategory>().length(32).index()),
    categorySince: startsNull(p.string().length(10)),
    /** The CV requirement last announced with CV_REQUIREMENT_CHANGED; only for change detection. */
    announcedCvRequirement: startsAs(p.string().$type<CvRequirement>().length(32), 'NONE'),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});

export type Person = InferEntity<typeof Person>;
