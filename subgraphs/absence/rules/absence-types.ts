// The absence type code list (fraværsårsager) as one rule table keyed by DFDG id. Every rule of
// DOMAIN.md "Subgraph: absence" is a column here; the seed section it comes from is in a comment.
import type { Exemption } from '../../common/absence-events';
import { absenceCodeList } from '../code-lists';

/** Who may register (and so update or delete) an absence of a type. The system role always may. */
export type Registrant = 'JOBCENTRE' | 'AKASSE';

/** What a contact-group change does to an absence of the type. */
export type ContactGroupReaction = 'END' | 'HOLD' | 'STAY';

/** A duration as the seeds state it: "op til 6 uger", "op til 5 år". */
export type MaxDuration = { weeks: number; years?: undefined } | { years: number; weeks?: undefined };

export interface AbsenceTypeRule {
  id: number;
  name: string;
  /** Retired (udgået) types stay readable but cannot be registered. */
  retired: boolean;
  /** Contact groups the type may be registered in; null: any open contact group. */
  allowedContactGroups: readonly number[] | null;
  registeredBy: readonly Registrant[];
  /** How far back before today the start may lie; null: no limit. */
  maxBackdatingWeeks: number | null;
  /** Longest absence, counting start and end day; null: open-ended allowed. */
  maxDuration: MaxDuration | null;
  /** First day the type may be used (as start date); null: always. */
  validFrom: string | null;
  /** What an active absence of the type exempts the person from. */
  exemptions: readonly Exemption[];
  /** Types an absence of this type may never overlap (kept symmetric by the test of this table). */
  noOverlapWith: readonly number[];
  /**
   * Contact groups in which the absence is put on hold (i bero) rather than ended, though the type
   * is not allowed there; leaving such a group reactivates it if the new group allows the type.
   */
  holdInContactGroups: readonly number[];
  /** False for types 11, 25, 49, 54, 58, 75: once started they cannot be deleted (001 §2.3). */
  deletableOnceStarted: boolean;
  /** Types that presuppose deregistration: deleting one does not re-register the person (001 §2.3). */
  presupposesDeregistration: boolean;
  /** False for types the citizen front end (Jobnet) cannot show yet: shown as 'Ukendt'. */
  displayableToCitizen: boolean;
}

const SIX_WEEKS: MaxDuration = { weeks: 6 };
const SICK_BENEFIT_GROUPS = [24, 25];

/**
 * Groups under LAB § 106 (mindre intensiv indsats): dagpenge, kontanthjælp, ledighedsydelse,
 * uddannelseshjælp and the overgangsydelse/selvforsørgelsesydelse groups. The seeds name the
 * additions (10 in 001 §2.4, 4 and 5 in §2.5, "all §106 groups except 12" for 77), not this base.
 */
const LAB_106_GROUPS = [1, 2, 7, 12, 26, 27, 28, 29];
const LESS_INTENSIVE = [...LAB_106_GROUPS, 10]; // 001 §2.4: also flex-job employed
const WORK_SHARING = [...LESS_INTENSIVE, 4, 5]; // 001 §2.5: also revalidering and for-revalidering

/**
 * Absences that presuppose deregistration take the person off the job-seeker duties altogether;
 * 79 was split off from 8 for bereavement (001 §2.1), so they exempt from what 79 does.
 */
const DEREGISTERED: readonly Exemption[] = ['REGISTRATION', 'CV', 'REFERRED_WORK', 'CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG'];
/** LAB § 106: during less intensive effort the jobcentre sets the contact course and offers aside. */
const LESS_INTENSIVE_EXEMPTIONS: readonly Exemption[] = ['CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS'];
/**
 * 003's middle CV level ("must register a CV but need not make it searchable"), until STAR's list
 * names the types: the person leaves the job-seeker role within six weeks for a known destination
 * (efterløn/fleksydelse, folkepension, a job, barsel), so the CV stays registered but employers'
 * search has nothing to offer them. 77 is the same kind of exit but must stay searchable (001 §2.9):
 * an erhvervsuddannelse needs an employer for the apprenticeship, whom a searchable CV helps find.
 */
const ON_THE_WAY_OUT_EXEMPTIONS: readonly Exemption[] = [...LESS_INTENSIVE_EXEMPTIONS, 'CV_SEARCHABLE'];
/** Sick: not available, so no attendance, referred work, offers, joblog or self-booking. */
const SICK_EXEMPTIONS: readonly Exemption[] = ['ATTENDANCE', 'REFERRED_WORK', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG', 'SELF_BOOKING'];

function type(id: number, name: string, rule: Partial<Omit<AbsenceTypeRule, 'id' | 'name'>> = {}): AbsenceTypeRule {
  return {
    id,
    name,
    retired: false,
    allowedContactGroups: null,
    registeredBy: ['JOBCENTRE', 'AKASSE'],
    maxBackdatingWeeks: null,
    maxDuration: null,
    validFrom: null,
    exemptions: [],
    noOverlapWith: [],
    holdInContactGroups: [],
    deletableOnceStarted: true,
    presupposesDeregistration: false,
    displayableToCitizen: true,
    ...rule,
  };
}

/** Retired (udgået) types: readable in history, never registered again, never deleted once started (001 §2.3). */
function retired(id: number, name: string): AbsenceTypeRule {
  return type(id, name, { retired: true, deletableOnceStarted: false });
}

function lessIntensive(id: number, name: string, rule: Partial<AbsenceTypeRule> = {}): AbsenceTypeRule {
  return type(id, name, { allowedContactGroups: LESS_INTENSIVE, maxDuration: SIX_WEEKS, exemptions: LESS_INTENSIVE_EXEMPTIONS, ...rule });
}

const SEED_TYPES: readonly AbsenceTypeRule[] = [
  type(6, 'Under 18 og uden forældre med forsørgelsespligt', { presupposesDeregistration: true, exemptions: DEREGISTERED }),
  type(7, 'Kan ikke få førtidspension eller folkepension', { presupposesDeregistration: true, exemptions: DEREGISTERED }),
  /** Barsel (maternity/paternity leave); 001 §2.1: never overlaps 79 */
  type(8, 'Barsel', { presupposesDeregistration: true, exemptions: DEREGISTERED, noOverlapWith: [79] }),
  /** Sygemelding; 001 §2.3: the group changes it caused cannot be rolled back, so no deletion once started */
  type(11, 'Sygdom – sygemelding', { deletableOnceStarted: false, exemptions: SICK_EXEMPTIONS }),
  type(21, 'Værnepligt', { presupposesDeregistration: true, exemptions: DEREGISTERED }),
  retired(25, 'Seniorjob'),
  lessIntensive(43, 'På vej på efterløn/fleksydelse (inden for 6 uger)', { exemptions: ON_THE_WAY_OUT_EXEMPTIONS }),
  lessIntensive(44, 'På vej på pension (folkepension) (inden for 6 uger)', { exemptions: ON_THE_WAY_OUT_EXEMPTIONS }),
  lessIntensive(45, 'På vej i job (inden for 6 uger)', { exemptions: ON_THE_WAY_OUT_EXEMPTIONS }),
  lessIntensive(46, 'Barsel inden for 6 uger', { exemptions: ON_THE_WAY_OUT_EXEMPTIONS }),
  retired(49, 'Omfattet af særlig uddannelsesydelse'),
  retired(54, 'Omfattet af kontantydelse'),
  retired(58, 'Omfattet af integrationsydelse'),
  /** Manglende pasningsmulighed; 001 §2.7: on hold while sick, ended at recovery into a group other than 1 */
  type(65, 'Uden for institutionens åbningstid – manglende pasningsmulighed', {
    allowedContactGroups: [1],
    holdInContactGroups: SICK_BENEFIT_GROUPS,
    exemptions: ['REFERRED_WORK'],
  }),
  lessIntensive(71, 'Arbejdsfordeling op til 6 uger', { allowedContactGroups: WORK_SHARING }), // 001 §2.5, §2.6
  lessIntensive(72, 'Arbejdsfordeling over 6 uger', { allowedContactGroups: WORK_SHARING, maxDuration: null }), // 001 §2.5
  lessIntensive(73, 'Vejrlig eller materialemangel'), // 001 §2.4, §2.6
  /** 001 §2.3: the jobcentre cannot take the contact course over backwards, so no deletion once started */
  type(75, 'Kontaktforløb er hos a-kassen', { allowedContactGroups: [1], deletableOnceStarted: false }),
  /** Erhvervsuddannelse; 000, 001 §2.9: from 2021-03-15, all §106 groups but 12, never exempts the CV */
  lessIntensive(77, 'På vej på erhvervsuddannelse (inden for 6 uger)', {
    allowedContactGroups: LESS_INTENSIVE.filter((group) => group !== 12),
    validFrom: '2021-03-15',
  }),
  lessIntensive(78, 'Arbejdsfordeling – ny midlertidig ordning. COVID-19', { allowedContactGroups: WORK_SHARING, maxDuration: null }), // 001 §2.5
  /** Sorgorlov (bereavement leave), 001 §2.1 */
  type(79, 'Sorgorlov', {
    allowedContactGroups: [2, 4, 5, 7, 10, 11, 12, 13, 14, 15, 16, 17, 21, 22, 26, 27, 28, 29],
    registeredBy: ['JOBCENTRE'],
    maxBackdatingWeeks: 8,
    maxDuration: { weeks: 26 },
    exemptions: ['REGISTRATION', 'CV', 'REFERRED_WORK', 'CONTACT_COURSE', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG'],
    noOverlapWith: [8],
    holdInContactGroups: SICK_BENEFIT_GROUPS,
    displayableToCitizen: false,
  }),
  /** Fritaget for rådighed under uddannelsestilbud – minkerhverv, 001 §2.2: stays active on 24 and 25 */
  type(80, 'Fritaget for rådighed under uddannelsestilbud – minkerhverv eller følgeerhverv', {
    allowedContactGroups: [1, 2, 4, 5, 7, 11, 12, 13, 14, 15, 16, 17, 21, 22, 24, 25, 26, 28],
    registeredBy: ['JOBCENTRE'],
    maxBackdatingWeeks: 8,
    maxDuration: { years: 5 },
    exemptions: ['ATTENDANCE', 'REFERRED_WORK', 'RIGHT_DUTY_OFFERS', 'OFFERS', 'JOBLOG'],
    displayableToCitizen: false,
  }),
];

/**
 * Seks ugers jobrettet uddannelse for dagpengemodtagere; 002 (release 2024-4): the a-kasse may
 * register it in the whole unemployment period, and it exempts from self-booking and joblog. The
 * seeds give no DFDG ids for these two types: their ids and names are a provisional list
 * (code-lists/absence-types.json, 901–902 shipped) an operator maps to STAR's ids.
 */
const CODES = absenceCodeList('absence-types', ['JOB_ORIENTED_EDUCATION_PART_TIME', 'JOB_ORIENTED_EDUCATION_FULL_TIME'] as const, SEED_TYPES.map((rule) => rule.id));
const JOB_ORIENTED_EDUCATION: Partial<AbsenceTypeRule> = { allowedContactGroups: [1], maxDuration: SIX_WEEKS, exemptions: ['SELF_BOOKING', 'JOBLOG'] };
const PROVISIONAL_RULES: Record<(typeof CODES.all)[number]['key'], Partial<AbsenceTypeRule>> = {
  JOB_ORIENTED_EDUCATION_PART_TIME: JOB_ORIENTED_EDUCATION,
  JOB_ORIENTED_EDUCATION_FULL_TIME: JOB_ORIENTED_EDUCATION,
};

export const ABSENCE_TYPE_RULES: readonly AbsenceTypeRule[] = [...SEED_TYPES, ...CODES.all.map(({ key, id, name }) => type(id, name, PROVISIONAL_RULES[key]))];
