// A person as the CPR feed describes them, plus what DFDG keeps on the person itself: the jobcentre
// they belong to, a temporary address, the visitation and the last CV requirement announced. The id
// is DFDG's own, so no other subgraph needs the CPR to refer to a person.
import { EntitySchema } from '@mikro-orm/core';
import type { PersonCategory } from '../../common/person-events';
import type { CvRequirement } from '../rules/cv-requirement';

export class Person {
  id!: string;
  cpr!: string;
  name!: string;
  /** The jobcentre the person belongs to (myndighedstilknytning); other subgraphs know it by this name. */
  municipalityCode!: string;
  /** Municipality of the CPR address (folkeregisteradresse); for persons abroad, the last Danish one. */
  addressMunicipalityCode!: string;
  /** No Danish CPR address: emigrated or a cross-border commuter; shown with a protected dummy address (001 §3.3). */
  livesAbroad = false;
  /** Temporary address (midlertidig adresse) with its end date: where the person actually stays. */
  temporaryMunicipalityCode: string | null = null;
  temporaryAddressEnd: string | null = null;
  /** Visitation (personkategorisering); null when not visited. */
  category: PersonCategory | null = null;
  categorySince: string | null = null;
  /** The CV requirement last announced with CV_REQUIREMENT_CHANGED; only for change detection. */
  announcedCvRequirement: CvRequirement = 'NONE';
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
    addressMunicipalityCode: { type: 'string', length: 3 },
    livesAbroad: { type: 'boolean' },
    temporaryMunicipalityCode: { type: 'string', length: 3, nullable: true },
    temporaryAddressEnd: { type: 'string', length: 10, nullable: true },
    category: { type: 'string', length: 32, nullable: true, index: true },
    categorySince: { type: 'string', length: 10, nullable: true },
    announcedCvRequirement: { type: 'string', length: 32 },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
