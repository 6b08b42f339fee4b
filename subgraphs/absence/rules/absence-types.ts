// The absence type code list (fraværsårsager) as a rule table keyed by DFDG id (DOMAIN.md, seed 001 §2).
import type { Role } from '../../../core/identity';

export interface AbsenceTypeRule {
  id: number;
  name: string;
  /** Retired types stay readable but cannot be registered. */
  retired: boolean;
  /** Contact groups the type may be registered in; null when the seeds set no limit. */
  allowedContactGroups: readonly number[] | null;
  registeredBy: readonly Role[];
  maxBackdatingDays: number | null;
  maxDurationDays: number | null;
  validFrom: string | null;
  /** Types this one may never overlap. */
  noOverlapWith: readonly number[];
  /** False for types the citizen front end cannot show yet: shown as 'Ukendt'. */
  displayableToCitizen: boolean;
}

const BOTH: readonly Role[] = ['caseworker', 'akasse', 'system'];
const JOBCENTRE: readonly Role[] = ['caseworker', 'system'];
const SIX_WEEKS = 42;

function type(id: number, name: string, rule: Partial<AbsenceTypeRule> = {}): AbsenceTypeRule {
  return { id, name, retired: false, allowedContactGroups: null, registeredBy: BOTH, maxBackdatingDays: null, maxDurationDays: null, validFrom: null, noOverlapWith: [], displayableToCitizen: true, ...rule };
}

export const ABSENCE_TYPE_RULES: readonly AbsenceTypeRule[] = [
  type(6, 'Under 18 og uden forældre med forsørgelsespligt'),
  type(7, 'Kan ikke få førtidspension eller folkepension'),
  type(8, 'Barsel', { noOverlapWith: [79] }), // 001 §2.1: 8 never overlaps 79
  type(11, 'Sygdom – sygemelding'),
  type(21, 'Værnepligt'),
  type(25, 'Seniorjob', { retired: true }),
  type(43, 'På vej på efterløn/fleksydelse (inden for 6 uger)', { maxDurationDays: SIX_WEEKS }),
  type(44, 'På vej på pension (folkepension) (inden for 6 uger)', { maxDurationDays: SIX_WEEKS }),
  type(45, 'På vej i job (inden for 6 uger)', { maxDurationDays: SIX_WEEKS }),
  type(46, 'Barsel inden for 6 uger', { maxDurationDays: SIX_WEEKS }),
  type(49, 'Omfattet af særlig uddannelsesydelse', { retired: true }),
  type(54, 'Omfattet af kontantydelse', { retired: true }),
  type(58, 'Omfattet af integrationsydelse', { retired: true }),
  type(65, 'Uden for institutionens åbningstid – manglende pasningsmulighed'),
  type(71, 'Arbejdsfordeling op til 6 uger', { maxDurationDays: SIX_WEEKS }),
  type(72, 'Arbejdsfordeling over 6 uger'),
  type(73, 'Vejrlig eller materialemangel', { maxDurationDays: SIX_WEEKS }),
  type(75, 'Kontaktforløb er hos a-kassen'),
  type(77, 'På vej på erhvervsuddannelse (inden for 6 uger)', { maxDurationDays: SIX_WEEKS, validFrom: '2021-03-15' }), // 001 §2.9
  type(78, 'Arbejdsfordeling – ny midlertidig ordning. COVID-19'),
  /** Sorgorlov (bereavement leave), 001 §2.1 */
  type(79, 'Sorgorlov', {
    allowedContactGroups: [2, 4, 5, 7, 10, 11, 12, 13, 14, 15, 16, 17, 21, 22, 26, 27, 28, 29],
    registeredBy: JOBCENTRE,
    maxBackdatingDays: 8 * 7,
    maxDurationDays: 26 * 7,
    noOverlapWith: [8],
    displayableToCitizen: false,
  }),
  /** Fritaget for rådighed under uddannelsestilbud – minkerhverv, 001 §2.2 */
  type(80, 'Fritaget for rådighed under uddannelsestilbud – minkerhverv eller følgeerhverv', {
    allowedContactGroups: [1, 2, 4, 5, 7, 11, 12, 13, 14, 15, 16, 17, 21, 22, 24, 25, 26, 28],
    registeredBy: JOBCENTRE,
    maxBackdatingDays: 8 * 7,
    maxDurationDays: 5 * 365,
    displayableToCitizen: false,
  }),
];
