// The directory's dated contact groups: which group is in force on a day, scheduled changes
// included from their day, cancelled ones gone, old rows read from their single open group, and
// every event idempotent under redelivery.
import type { DomainEvent } from '../../../core/events';
import { changesBetween, contactGroupOn, contactGroupTimeline, withContactGroup, withoutContactGroup, type ContactGroupRecord } from '../contact-group-timeline';
import { recordContactGroupEvent, type KnownPerson } from '../person-directory';
import type { ContactGroupChangedPayload } from '../person-events';

const kontanthjaelp = { registrationId: 'r2', contactGroupId: 2, start: '2026-01-05' };
const toDagpenge = { registrationId: 'r1', contactGroupId: 1, start: '2026-12-20' };

function record(contactGroups: ContactGroupRecord['contactGroups'], open: number | null = null, openStart: string | null = null): ContactGroupRecord {
  return { contactGroups, contactGroupId: open, contactGroupStart: openStart };
}

describe('the group in force on a day', () => {
  const person = record([kontanthjaelp, toDagpenge], 2, '2026-01-05');
  it.each([
    ['2026-01-04', null], // before the first group: none
    ['2026-01-05', 2],
    ['2026-12-19', 2], // the day before the scheduled change
    ['2026-12-20', 1], // its day
    ['2027-03-01', 1],
  ])('on %s: %s', (day, group) => expect(contactGroupOn(person, day)).toBe(group));
});

it('keeps the timeline ordered by start, whatever order the changes arrive in', () => {
  expect(withContactGroup(withContactGroup([], toDagpenge), kontanthjaelp).map((e) => e.registrationId)).toEqual(['r2', 'r1']);
});

it('replaces a registration by its id (the effected change after its scheduling, or a redelivery)', () => {
  const once = withContactGroup([kontanthjaelp], toDagpenge);
  expect(withContactGroup(once, toDagpenge)).toEqual(once);
  expect(withContactGroup(once, { ...toDagpenge, start: '2026-12-27' })).toEqual([kontanthjaelp, { ...toDagpenge, start: '2026-12-27' }]);
});

it('forgets a cancelled registration; a second cancellation changes nothing', () => {
  const cancelled = withoutContactGroup([kontanthjaelp, toDagpenge], 'r1');
  expect(cancelled).toEqual([kontanthjaelp]);
  expect(withoutContactGroup(cancelled, 'r1')).toEqual(cancelled);
  expect(contactGroupOn(record(cancelled, 2, '2026-01-05'), '2026-12-20')).toBe(2);
});

describe('rows from before the dated column', () => {
  it('read their open group from its start', () => {
    const old = record([], 2, '2026-01-05');
    expect(contactGroupOn(old, '2026-01-04')).toBeNull();
    expect(contactGroupOn(old, '2026-01-05')).toBe(2);
  });
  it('read an open group without a start as always in force', () => expect(contactGroupOn(record([], 2, null), '1990-01-01')).toBe(2));
  it('keep their open group when a scheduled change is the first dated entry', () => {
    const old = record([toDagpenge], 2, '2026-01-05');
    expect(contactGroupOn(old, '2026-11-30')).toBe(2);
    expect(contactGroupOn(old, '2026-12-20')).toBe(1);
    expect(contactGroupTimeline(old)).toHaveLength(2);
  });
  it('have no group at all when nothing was delivered', () => expect(contactGroupOn(record([]), '2026-11-30')).toBeNull());
});

it('lists the changes after one day through another, in date order', () => {
  const person = record([toDagpenge, kontanthjaelp, { registrationId: 'r25', contactGroupId: 25, start: '2026-11-10' }]);
  expect(changesBetween(person, '2026-11-01', '2026-11-30').map((e) => e.contactGroupId)).toEqual([25]);
  expect(changesBetween(person, '2026-11-10', '2026-12-20').map((e) => e.contactGroupId)).toEqual([1]);
  expect(changesBetween(person, '2026-01-04', '2027-01-01').map((e) => e.contactGroupId)).toEqual([2, 25, 1]);
});

describe('recordContactGroupEvent', () => {
  const payload: ContactGroupChangedPayload = { personId: 'p', registrationId: 'r1', contactGroupId: 1, start: '2026-12-20', previousContactGroupId: 2, recoveryCauseId: null };
  const event = (kind: string): DomainEvent<ContactGroupChangedPayload> => ({
    id: kind, stream: 'person', streamPosition: 1, kind, personId: 'p', entityType: 'ContactGroupRegistration', entityId: 'r1', authorities: {}, occurredAt: '2026-11-30T09:00:00.000Z', schemaVersion: 1, payload,
  });
  const known = (): Pick<KnownPerson, 'contactGroups' | 'contactGroupId' | 'contactGroupStart'> => ({ contactGroups: [kontanthjaelp], contactGroupId: 2, contactGroupStart: '2026-01-05' });

  it('dates a scheduled change without moving the group in force', () => {
    const person = known();
    recordContactGroupEvent(person, event('CONTACT_GROUP_CHANGE_SCHEDULED'));
    expect(person).toMatchObject({ contactGroupId: 2, contactGroupStart: '2026-01-05', contactGroups: [kontanthjaelp, toDagpenge] });
  });

  it('moves the group in force on CONTACT_GROUP_CHANGED, once however often it is delivered', () => {
    const person = known();
    recordContactGroupEvent(person, event('CONTACT_GROUP_CHANGE_SCHEDULED'));
    recordContactGroupEvent(person, event('CONTACT_GROUP_CHANGED'));
    const after = structuredClone(person);
    recordContactGroupEvent(person, event('CONTACT_GROUP_CHANGED'));
    expect(person).toEqual(after);
    expect(person).toMatchObject({ contactGroupId: 1, contactGroupStart: '2026-12-20', contactGroups: [kontanthjaelp, toDagpenge] });
  });

  it('keeps the open group of a row from before the dated column when a back-dated change arrives', () => {
    const old = { contactGroups: [], contactGroupId: 2, contactGroupStart: '2026-01-05' };
    recordContactGroupEvent(old, event('CONTACT_GROUP_CHANGED'));
    expect(contactGroupOn(old, '2026-11-01')).toBe(2);
    expect(contactGroupOn(old, '2026-12-20')).toBe(1);
  });

  it('removes a cancelled change', () => {
    const person = known();
    recordContactGroupEvent(person, event('CONTACT_GROUP_CHANGE_SCHEDULED'));
    recordContactGroupEvent(person, event('CONTACT_GROUP_CHANGE_CANCELLED'));
    recordContactGroupEvent(person, event('CONTACT_GROUP_CHANGE_CANCELLED'));
    expect(person).toMatchObject({ contactGroupId: 2, contactGroups: [kontanthjaelp] });
  });
});
