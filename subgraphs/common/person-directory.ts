// Each non-person subgraph keeps its own copy of who exists, their CPR, jobcentre, current contact
// group and a-kasser, fed by the person and payment subgraphs' events: subgraphs never read each
// other's tables, and validation ("is this absence type allowed in the person's group?") and
// dispatch ("which a-kasser must hear of this?") need it locally; so do the dated memberships that
// decide which a-kasse may read the person today (akasse-access.ts), and the dated contact groups
// (contact-group-timeline.ts) that say which group the person is in on a registration's own dates.
import { defineEntity, p, type EntityManager, type InferEntity } from '@mikro-orm/core';
import { startsNull } from '../../core/entity-defaults';
import type { ConsumerDefinition } from '../../core/consumer';
import { DomainError, ErrorCode } from '../../core/errors';
import type { DomainEvent } from '../../core/events';
import type { DatedMembership } from './akasse-access';
import { contactGroupTimeline, withContactGroup, withoutContactGroup, type DatedContactGroup } from './contact-group-timeline';
import { parseCpr } from './cpr';
import { PaymentEvent, isPaymentEvent } from './payment-events';
import { PersonEvent, isPersonEvent, type ContactGroupChangedPayload } from './person-events';

export interface DirectoryMembership extends DatedMembership {
  id: string;
}

export const KnownPerson = defineEntity({
  name: 'KnownPerson',
  tableName: 'known_person',
  properties: {
    id: p.string().length(36).primary(),
    cpr: p.string().length(10).unique(),
    municipalityCode: p.string().length(3).index(),
    /** The group in force from the last CONTACT_GROUP_CHANGED on; rules read the dated list below. */
    contactGroupId: startsNull(p.integer()),
    contactGroupStart: startsNull(p.string().length(10)),
    /**
     * Every contact-group registration the person subgraph told of, scheduled ones included, by
     * start. Rows from before the column start empty (their migration): contactGroupOn falls back
     * to contactGroupId/contactGroupStart for them.
     */
    contactGroups: p.json<DatedContactGroup[]>().defaultRaw("'[]'").onCreate(() => []),
    /** Every a-kasse the person is or has been a member of (dispatch: "current and former"). */
    akasser: p.json<string[]>().onCreate(() => []),
    /**
     * The person's memberships as the register dates them: who may read the person today. Rows from
     * before the column start empty (their migration); new rows always get a list.
     */
    memberships: p.json<DirectoryMembership[]>().defaultRaw("'[]'").onCreate(() => []),
  },
});

export type KnownPerson = InferEntity<typeof KnownPerson>;

/** The person with this CPR, or PERSON_NOT_FOUND (the CPR feed has not delivered them). */
export async function findPersonByCpr(em: EntityManager, cpr: string): Promise<KnownPerson> {
  const person = await em.findOne(KnownPerson, { cpr: parseCpr(cpr) });
  if (!person) throw new DomainError(ErrorCode.PERSON_NOT_FOUND, 'No person with that CPR number is registered in DFDG.');
  return person;
}

/** Keeps `known_person` in step with the person and payment subgraphs. */
export function personDirectoryConsumer(subgraph: string): ConsumerDefinition {
  return {
    name: `${subgraph}.person-directory`,
    streams: ['person', 'payment'],
    async handle(em: EntityManager, event: DomainEvent) {
      if (isPaymentEvent(event, PaymentEvent.AKASSE_MEMBERSHIP_STARTED) || isPaymentEvent(event, PaymentEvent.AKASSE_MEMBERSHIP_ENDED)) {
        const { payload } = event;
        const known = await em.findOne(KnownPerson, { id: payload.personId });
        if (!known) return;
        if (!known.akasser.includes(payload.akasse)) known.akasser = [...known.akasser, payload.akasse];
        // Both events carry the membership as it now is: replace it by id (a redelivery changes nothing).
        const membership = { id: payload.membershipId, akasse: payload.akasse, start: payload.start, end: payload.end };
        known.memberships = [...known.memberships.filter((m) => m.id !== membership.id), membership];
      } else if (isPersonEvent(event, PersonEvent.PERSON_UPSERTED)) {
        const { payload } = event;
        const known =
          (await em.findOne(KnownPerson, { id: payload.personId })) ??
          em.create(KnownPerson, { id: payload.personId, cpr: payload.cpr, municipalityCode: payload.municipalityCode, akasser: [], memberships: [], contactGroups: [] });
        known.cpr = payload.cpr;
        known.municipalityCode = payload.municipalityCode;
      } else if (isContactGroupEvent(event)) {
        const known = await em.findOne(KnownPerson, { id: event.payload.personId });
        if (known) recordContactGroupEvent(known, event);
      }
    },
  };
}

type ContactGroupEvent = DomainEvent<ContactGroupChangedPayload>;

const CONTACT_GROUP_KINDS: ReadonlySet<string> = new Set([
  PersonEvent.CONTACT_GROUP_CHANGED,
  PersonEvent.CONTACT_GROUP_CHANGE_SCHEDULED,
  PersonEvent.CONTACT_GROUP_CHANGE_CANCELLED,
]);

/** CONTACT_GROUP_CHANGED, _CHANGE_SCHEDULED or _CHANGE_CANCELLED: they share one payload. */
export function isContactGroupEvent(event: DomainEvent<object>): event is ContactGroupEvent {
  return CONTACT_GROUP_KINDS.has(event.kind);
}

/**
 * Puts a contact-group event into the person's dated timeline: a scheduled or effected change is
 * added (or replaced by its registration id), a cancelled one removed, so a redelivery changes
 * nothing. Only CONTACT_GROUP_CHANGED moves the group in force (contactGroupId/contactGroupStart).
 */
export function recordContactGroupEvent(known: Pick<KnownPerson, 'contactGroups' | 'contactGroupId' | 'contactGroupStart'>, event: ContactGroupEvent): void {
  const { payload } = event;
  // A row from before the dated column keeps its open group as the first dated entry.
  known.contactGroups = contactGroupTimeline(known);
  if (event.kind === PersonEvent.CONTACT_GROUP_CHANGE_CANCELLED) {
    known.contactGroups = withoutContactGroup(known.contactGroups, payload.registrationId);
    return;
  }
  known.contactGroups = withContactGroup(known.contactGroups, payload);
  if (event.kind === PersonEvent.CONTACT_GROUP_CHANGED) {
    known.contactGroupId = payload.contactGroupId;
    known.contactGroupStart = payload.start;
  }
}
