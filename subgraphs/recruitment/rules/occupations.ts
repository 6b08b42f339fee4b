// Which occupation title a job order or ad may carry (003): ESCO-STAR titles in force; an old
// DiscoAMS08 title is converted to its ESCO-STAR title (the original kept for audit); a retired
// title cannot be chosen for new data, and an order still carrying one must get a valid title on
// its next edit.
import { DomainError } from '../../../core/errors';
import type { OccupationCatalog, OccupationClassification } from '../../common/occupations';
import { RecruitmentErrorCode } from './error-codes';

export interface ChosenOccupation {
  code: string;
  classification: OccupationClassification;
  /** The code as given when it was converted from DiscoAMS08; null when given in ESCO-STAR. */
  originalCode: string | null;
}

/** A title chosen for new data: a valid ESCO-STAR title, or a DiscoAMS08 title that maps to one. */
export function chooseOccupation(catalog: OccupationCatalog, code: string, field = 'occupationCode'): ChosenOccupation {
  const trimmed = code.trim();
  const esco = catalog.find(trimmed, 'ESCO_STAR');
  if (esco && esco.level === 3) {
    if (esco.retired) throw retired(trimmed, esco.title, field);
    return { code: trimmed, classification: 'ESCO_STAR', originalCode: null };
  }
  const old = catalog.find(trimmed, 'DISCO_AMS08');
  if (old && old.level === 3) {
    const converted = catalog.escoStarFor(trimmed);
    if (!converted || converted.retired) throw retired(trimmed, old.title, field);
    return { code: converted.code, classification: 'ESCO_STAR', originalCode: trimmed };
  }
  throw new DomainError(RecruitmentErrorCode.UNKNOWN_OCCUPATION, `"${trimmed}" is not an occupation title in ESCO-STAR; choose a title (level 3), e.g. 5322.1 Social- og sundhedshjælper.`, { field, code: trimmed });
}

function retired(code: string, title: string, field: string): DomainError {
  return new DomainError(RecruitmentErrorCode.OCCUPATION_RETIRED, `The title ${code} '${title}' is retired (udgået) and cannot be chosen; choose a current ESCO-STAR title.`, { field, code });
}

/**
 * A title carried from before (an imported order): converted when it maps, kept as it is when
 * retired, so the order shows what it had until someone edits it.
 */
export function carryOccupation(catalog: OccupationCatalog, code: string): ChosenOccupation {
  try {
    return chooseOccupation(catalog, code);
  } catch (error) {
    if (error instanceof DomainError && error.code === RecruitmentErrorCode.OCCUPATION_RETIRED) {
      const classification: OccupationClassification = catalog.find(code.trim(), 'ESCO_STAR') ? 'ESCO_STAR' : 'DISCO_AMS08';
      return { code: code.trim(), classification, originalCode: null };
    }
    throw error;
  }
}

/** True when the stored title may no longer be chosen. */
export function carriesRetiredOccupation(catalog: OccupationCatalog, code: string | null, classification: OccupationClassification | null): boolean {
  if (code === null || classification === null) return false;
  const found = catalog.find(code, classification);
  if (!found) return true;
  return classification === 'DISCO_AMS08' ? found.retired || catalog.escoStarFor(code) === null : found.retired;
}
