// Mentor grants (mentorbevillinger) as VITAS registers them (seed 003 'VITAS – oprydning og
// mentorbevillingstype'): the offer a grant is given with, and its type, as two tables keyed by id.
import { codeList } from '../../../core/code-list';
import { DomainError } from '../../../core/errors';
import { addMonths, type IsoDate } from '../../../core/dates';
import { requireDateRange, requireIsoDate } from './date-input';
import { planCodeList } from '../code-lists';
import { PlanErrorCode } from './error-codes';

/** A mentorbevillingstype. */
export interface MentorGrantType {
  readonly id: number;
  /** The name (the code-list file's; 003 writes 'Mentor, individuel' and 'Mentor, plads'). */
  readonly name: string;
  readonly description: string;
}

/** The offer (tilbud) a mentor grant is given with, and whether the grant must then state its type. */
export interface MentorGrantOffer {
  readonly id: number;
  readonly name: string;
  /** 003: "skal der vælges hvilken type mentorbevilling, der er tale om". */
  readonly requiresMentorType: boolean;
}

/**
 * 003 names the two types and the offers but gives no ids: their ids and names are provisional lists
 * (code-lists/mentor-grant-types.json 901–902, mentor-grant-offers.json 901–905 shipped) an operator
 * maps to STAR's ids.
 */
const TYPE_CODES = planCodeList('mentor-grant-types', ['INDIVIDUAL', 'PLACE'] as const);
const OFFER_CODES = planCodeList('mentor-grant-offers', ['INTERNSHIP', 'WAGE_SUBSIDY', 'ADULT_APPRENTICE', 'SUPPORTED_EMPLOYMENT', 'MENTOR_ONLY'] as const);

/** 003's definition of each type. */
const TYPE_DESCRIPTIONS: Record<(typeof TYPE_CODES.all)[number]['key'], string> = {
  INDIVIDUAL: 'En mentoraftale indgået med virksomheden for en enkelt person, uden for en administrativ foranstaltning mellem jobcenter og virksomhed.',
  PLACE: 'En mentoraftale indgået som del af en rammeaftale mellem jobcenter og virksomhed.',
};

export const MENTOR_GRANT_TYPES: readonly MentorGrantType[] = TYPE_CODES.all.map(({ key, id, name }) => ({ id, name, description: TYPE_DESCRIPTIONS[key] }));

/**
 * 003: "i forbindelse med virksomhedspraktik, løntilskud, voksenlærling eller til en borger i
 * understøttet beskæftigelse" the type must be chosen. A grant given with anything else (mentor
 * support on its own, e.g. in education) has no such choice in VITAS, so no type is accepted for it.
 */
const OFFERS_REQUIRING_TYPE: ReadonlySet<(typeof OFFER_CODES.all)[number]['key']> = new Set(['INTERNSHIP', 'WAGE_SUBSIDY', 'ADULT_APPRENTICE', 'SUPPORTED_EMPLOYMENT']);

export const MENTOR_GRANT_OFFERS: readonly MentorGrantOffer[] = OFFER_CODES.all.map(({ key, id, name }) => ({ id, name, requiresMentorType: OFFERS_REQUIRING_TYPE.has(key) }));

const TYPES = codeList(MENTOR_GRANT_TYPES, (type) => type.id, (id) =>
  new DomainError(PlanErrorCode.UNKNOWN_MENTOR_GRANT_TYPE, `Mentor grant type ${id} does not exist: choose one from mentorGrantTypes.`, { mentorTypeId: id }),
);
const OFFERS = codeList(MENTOR_GRANT_OFFERS, (offer) => offer.id, (id) =>
  new DomainError(PlanErrorCode.UNKNOWN_MENTOR_GRANT_OFFER, `Offer ${id} does not exist: choose one from mentorGrantOffers.`, { offerId: id }),
);

export function mentorGrantType(id: number): MentorGrantType {
  return TYPES.get(id);
}

export function mentorGrantOffer(id: number): MentorGrantOffer {
  return OFFERS.get(id);
}

/** A grant may start at most this far ahead, as an activity may (ACTIVITY_START_MAX_MONTHS_AHEAD). */
export const MENTOR_GRANT_START_MAX_MONTHS_AHEAD = 12;

export interface MentorGrantInput {
  offerId: number;
  mentorTypeId: number | null;
  start: unknown;
  end: unknown;
  today: IsoDate;
}

export interface MentorGrant {
  offerId: number;
  mentorTypeId: number | null;
  start: IsoDate;
  end: IsoDate | null;
}

/** Validates a new mentor grant; returns what to store. Throws DomainError. */
export function validateMentorGrant(input: MentorGrantInput): MentorGrant {
  const today = requireIsoDate(input.today, 'the registration date');
  const { start, end } = requireDateRange(input.start, input.end);
  const offer = mentorGrantOffer(input.offerId);
  if (input.mentorTypeId !== null) mentorGrantType(input.mentorTypeId);
  if (offer.requiresMentorType && input.mentorTypeId === null) {
    throw new DomainError(PlanErrorCode.MENTOR_GRANT_TYPE_REQUIRED, `A mentor grant with '${offer.name}' must state its type: choose 'Mentor, individuel' or 'Mentor, plads'.`, { offerId: offer.id });
  }
  if (!offer.requiresMentorType && input.mentorTypeId !== null) {
    throw new DomainError(PlanErrorCode.MENTOR_GRANT_TYPE_NOT_ALLOWED, `The mentor grant type is chosen only for grants with an internship, wage subsidy, adult apprenticeship or supported employment: leave it out for '${offer.name}'.`, {
      offerId: offer.id,
      mentorTypeId: input.mentorTypeId,
    });
  }
  const latest = addMonths(today, MENTOR_GRANT_START_MAX_MONTHS_AHEAD);
  if (start > latest) {
    throw new DomainError(PlanErrorCode.MENTOR_GRANT_START_TOO_FAR_AHEAD, `A mentor grant may start at most ${MENTOR_GRANT_START_MAX_MONTHS_AHEAD} months ahead (on ${latest} at the latest): correct the start date or register it later.`, { start, latest });
  }
  return { offerId: offer.id, mentorTypeId: input.mentorTypeId, start, end };
}
