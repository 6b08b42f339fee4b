// The contact-group code list, recovery (raskmelding) from the sick groups 6/24/25 (001 §1.5, §2.3,
// §2.8) and how far ahead a change may be dated.
import type { DomainError } from '../../../../core/errors';
import { assertNotTooFarAhead, CONTACT_GROUPS, contactGroup, latestDateAhead, nextContactGroup } from '../contact-groups';

it('holds every group of the seeds with its DFDG id and name, plus Uden ydelse', () => {
  expect(CONTACT_GROUPS.map((g) => g.id)).toEqual([1, 2, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 21, 22, 23, 24, 25, 26, 27, 28, 29, 99]);
  expect(contactGroup(25).name).toBe('Sygedagpengemodtager fra ledighed');
  expect(() => contactGroup(3)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CONTACT_GROUP' }) as DomainError);
});

it('moves a recovery with cause 37 to group 11 whatever was asked', () => {
  expect(nextContactGroup({ requestedGroupId: 1, leftGroupId: 25, recoveryCauseId: 37 })).toBe(11);
  expect(nextContactGroup({ requestedGroupId: 1, leftGroupId: 24, recoveryCauseId: 37 })).toBe(11);
});

it('accepts a recovery from the older sick group 6 as from 24 and 25 (001 §2.3 names all three, §2.8)', () => {
  expect(nextContactGroup({ requestedGroupId: 1, leftGroupId: 6, recoveryCauseId: 37 })).toBe(11);
  expect(nextContactGroup({ requestedGroupId: 1, leftGroupId: 6, recoveryCauseId: 12 })).toBe(1);
});

it('opens the asked group on other recovery causes and without one', () => {
  expect(nextContactGroup({ requestedGroupId: 1, leftGroupId: 25, recoveryCauseId: 12 })).toBe(1);
  expect(nextContactGroup({ requestedGroupId: 2, leftGroupId: 1, recoveryCauseId: null })).toBe(2);
});

it('refuses a recovery cause when the person leaves no sick group', () => {
  expect(() => nextContactGroup({ requestedGroupId: 11, leftGroupId: 1, recoveryCauseId: 37 })).toThrow(expect.objectContaining({ code: 'RECOVERY_WITHOUT_SICK_GROUP' }) as DomainError);
  expect(() => nextContactGroup({ requestedGroupId: 11, leftGroupId: null, recoveryCauseId: 37 })).toThrow(expect.objectContaining({ code: 'RECOVERY_WITHOUT_SICK_GROUP' }) as DomainError);
  expect(() => nextContactGroup({ requestedGroupId: 11, leftGroupId: 13, recoveryCauseId: 37 })).toThrow(expect.objectContaining({ code: 'RECOVERY_WITHOUT_SICK_GROUP' }) as DomainError);
});

it('lets a contact-group change be dated at most 13 weeks ahead: the last day passes, the next is refused', () => {
  expect(latestDateAhead('CONTACT_GROUP_CHANGE', '2026-11-30')).toBe('2027-03-01');
  expect(() => assertNotTooFarAhead('CONTACT_GROUP_CHANGE', '2027-03-01', '2026-11-30', 'start')).not.toThrow();
  expect(() => assertNotTooFarAhead('CONTACT_GROUP_CHANGE', '2027-03-02', '2026-11-30', 'start')).toThrow(
    expect.objectContaining({ code: 'DATED_TOO_FAR_AHEAD', extensions: expect.objectContaining({ field: 'start', latest: '2027-03-01' }) }) as DomainError,
  );
  expect(() => assertNotTooFarAhead('DIMITTEND_ENTITLEMENT', '2027-03-02', '2026-11-30', 'entitlementDate')).toThrow(expect.objectContaining({ code: 'DATED_TOO_FAR_AHEAD' }) as DomainError);
});
