// Visitation (personkategorisering): the categories, which contact groups they belong to, and the
// 2025-01-01 retirement of sick-benefit category 3 (002).
import { DomainError } from '../../../core/errors';
import type { IsoDate } from '../../../core/dates';
import type { PersonCategory } from '../../common/person-events';
import { SICK_GROUPS } from './contact-groups';
import { PersonErrorCode } from './error-codes';

interface CategoryRule {
  name: string;
  sickBenefit: boolean;
  /** From this day the category cannot be used; open cases move to `replacedBy`. */
  retiredFrom?: IsoDate;
  replacedBy?: PersonCategory;
}

export const PERSON_CATEGORIES: Record<PersonCategory, CategoryRule> = {
  JOB_READY: { name: 'Jobparat', sickBenefit: false },
  ACTIVITY_READY: { name: 'Aktivitetsparat', sickBenefit: false },
  OBVIOUSLY_EDUCATION_READY: { name: 'Åbenlyst uddannelsesparat', sickBenefit: false },
  EDUCATION_READY: { name: 'Uddannelsesparat', sickBenefit: false },
  SICK_BENEFIT_1: { name: 'Sygedagpenge, kategori 1', sickBenefit: true },
  SICK_BENEFIT_2: { name: 'Sygedagpenge, kategori 2', sickBenefit: true },
  // 002: "Fra den 1. januar 2025 udgår visitationskategori 3" — open cases are re-visited to 2.
  SICK_BENEFIT_3: { name: 'Sygedagpenge, kategori 3', sickBenefit: true, retiredFrom: '2025-01-01', replacedBy: 'SICK_BENEFIT_2' },
};

/** Refuses a retired category, and a sick-benefit category outside a sick group (and vice versa). */
export function assertCategoryAllowed(category: PersonCategory, contactGroupId: number | null, today: IsoDate): void {
  const rule = PERSON_CATEGORIES[category];
  if (rule.retiredFrom !== undefined && today >= rule.retiredFrom) {
    throw new DomainError(PersonErrorCode.VISITATION_CATEGORY_RETIRED, `${rule.name} is not used from ${rule.retiredFrom}; use ${PERSON_CATEGORIES[rule.replacedBy!].name}.`, { category });
  }
  const inSickGroup = contactGroupId !== null && SICK_GROUPS.has(contactGroupId);
  if (rule.sickBenefit !== inSickGroup) {
    throw new DomainError(
      PersonErrorCode.VISITATION_CATEGORY_NOT_FOR_CONTACT_GROUP,
      rule.sickBenefit ? `${rule.name} is for sick-benefit cases (contact group 6, 24 or 25).` : `${rule.name} is not for sick-benefit cases; use a sick-benefit category.`,
      { category, contactGroupId },
    );
  }
}

/**
 * The category an open case must be moved to on `asOf`, or null. A case is open while the person
 * is in a sick group; closed cases keep their history.
 */
export function automaticRevisitation(category: PersonCategory | null, contactGroupId: number | null, asOf: IsoDate): PersonCategory | null {
  if (category === null || contactGroupId === null || !SICK_GROUPS.has(contactGroupId)) return null;
  const rule = PERSON_CATEGORIES[category];
  return rule.retiredFrom !== undefined && asOf >= rule.retiredFrom ? (rule.replacedBy ?? null) : null;
}
