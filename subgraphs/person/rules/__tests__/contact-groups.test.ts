// The contact-group code list and recovery (raskmelding) from 24/25 (001 §1.5, §2.8).
import type { DomainError } from '../../../../core/errors';
import { CONTACT_GROUPS, contactGroup, nextContactGroup } from '../contact-groups';

it('holds every group of the seeds with its DFDG id and name, plus Uden ydelse', () => {
  expect(CONTACT_GROUPS.map((g) => g.id)).toEqual([1, 2, 4, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 21, 22, 23, 24, 25, 26, 27, 28, 29, 99]);
  expect(contactGroup(25).name).toBe('Sygedagpengemodtager fra ledighed');
  expect(() => contactGroup(3)).toThrow(expect.objectContaining({ code: 'UNKNOWN_CONTACT_GROUP' }) as DomainError);
});

it('moves a recovery with cause 37 to group 11 whatever was asked', () => {
  expect(nextContactGroup({ requestedGroupId: 1, openGroupId: 25, recoveryCauseId: 37 })).toBe(11);
  expect(nextContactGroup({ requestedGroupId: 1, openGroupId: 24, recoveryCauseId: 37 })).toBe(11);
});

it('opens the asked group on other recovery causes and without one', () => {
  expect(nextContactGroup({ requestedGroupId: 1, openGroupId: 25, recoveryCauseId: 12 })).toBe(1);
  expect(nextContactGroup({ requestedGroupId: 2, openGroupId: 1, recoveryCauseId: null })).toBe(2);
});

it('refuses a recovery cause when the person is not in sick group 24 or 25', () => {
  expect(() => nextContactGroup({ requestedGroupId: 11, openGroupId: 1, recoveryCauseId: 37 })).toThrow(expect.objectContaining({ code: 'RECOVERY_WITHOUT_SICK_GROUP' }) as DomainError);
  expect(() => nextContactGroup({ requestedGroupId: 11, openGroupId: null, recoveryCauseId: 37 })).toThrow(expect.objectContaining({ code: 'RECOVERY_WITHOUT_SICK_GROUP' }) as DomainError);
});
