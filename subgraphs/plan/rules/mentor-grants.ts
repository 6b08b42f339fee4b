// Mentor grants (mentorbevillinger) as VITAS registers them (seed 003 'VITAS – oprydning og
// mentorbevillingstype'): the offer a grant is given with, and its type, as two tables keyed by id.
import { codeList } from '../../../core/code-list';
import { DomainError } from '../../../core/errors';
import { addMonths, type IsoDate } from '../../../core/dates';
import { requireDateRange, requireIsoDate } from './date-input';
import { PlanErrorCode } from './error-codes';

/** A mentorbevillingstype. */
export interface MentorGrantType {
  readonly id: number;
  /** The name as the seed writes it. */
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
 * PROVISIONAL ids: 003 names the two types but gives no ids; 901–902 are this project's, in the 9xx
 * range like the other invented ids, to be replaced by STAR's.
 */
export const MENTOR_GRANT_TYPES: readonly MentorGrantType[] = [
  { id: 901, name: 'Mentor, individuel', description: 'En mentoraftale indgået med virksomheden for en enkelt person, uden for en administrativ foranstaltning mellem jobcenter og virksomhed.' },
  { id: 902, name: 'Mentor, plads', description: 'En mentoraftale indgået som del af en rammeaftale mellem jobcenter og virksomhed.' },
];

/**
 * 003: "i forbindelse med virksomhedspraktik, løntilskud, voksenlærling eller til en borger i
 * understøttet beskæftigelse" the type must be chosen. A grant given with anything else (mentor
 * support on its own, e.g. in education) has no such choice in VITAS, so no type is accepted for it.
 * PROVISIONAL ids 901–905, as above.
 */
export const MENTOR_GRANT_OFFERS: readonly MentorGrantOffer[] = [
  { id: 901, name: 'Virksomhedspraktik', requiresMentorType: true },
  { id: 902, name: 'Løntilskud', requiresMentorType: true },
  { id: 903, name: 'Voksenlærling', requiresMentorType: true },
  { id: 904, name: 'Understøttet beskæftigelse', requiresMentorType: true },
  { id: 905, name: 'Mentor uden tilknytning til et af disse tilbud', requiresMentorType: false },
];

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
