// The reaction to contact-group changes (001 §2.1, §2.2, §2.7, §2.8).
import { applyAction, planContactGroupReaction } from '..';
import type { AbsenceState } from '../period';

const absence = (typeId: number, status: AbsenceState['status'] = 'ACTIVE', end: string | null = '2027-01-31'): AbsenceState => ({
  id: `a${typeId}`,
  typeId,
  start: '2026-11-01',
  end,
  status,
  statusSince: status === 'ACTIVE' ? null : '2026-11-10',
});
const change = (contactGroupId: number) => ({ contactGroupId, start: '2026-11-23' });

it.each([
  ['79 on a change to 24', absence(79), 24, 'HOLD'],
  ['79 on a change to 25', absence(79), 25, 'HOLD'],
  ['79 on a change to 1, where it is not allowed', absence(79), 1, 'END'],
  ['79 on a change to 13, where it is allowed', absence(79), 13, null],
  ['79 on hold, recovering into 2', absence(79, 'ON_HOLD'), 2, 'REACTIVATE'],
  ['79 on hold, recovering into 1', absence(79, 'ON_HOLD'), 1, 'END'],
  ['80 on a change to 24', absence(80), 24, null],
  ['80 on a change to 25', absence(80), 25, null],
  ['80 on a change to 10, where it is not allowed', absence(80), 10, 'END'],
  ['65 on a change to 25', absence(65), 25, 'HOLD'],
  ['65 on hold, recovering into 1', absence(65, 'ON_HOLD'), 1, 'REACTIVATE'],
  ['65 on hold, recovering into 11 (cause 37)', absence(65, 'ON_HOLD'), 11, 'END'],
  ['65 on hold, recovering into 2', absence(65, 'ON_HOLD'), 2, 'END'],
  ['45 on a change to 24', absence(45), 24, 'END'],
  ['11 (any group) on a change to 24', absence(11), 24, null],
  ['79 already on hold, to the other sick group', absence(79, 'ON_HOLD'), 25, null],
  ['79 ended before', absence(79, 'ENDED'), 1, null],
  ['79 deleted', absence(79, 'DELETED'), 1, null],
  ['79 that ran out before the change', absence(79, 'ACTIVE', '2026-11-20'), 1, null],
] as const)('%s', (_case, state, group, expected) => {
  const plan = planContactGroupReaction([state], change(group));
  expect(plan).toEqual(expected ? [{ absenceId: state.id, action: expected }] : []);
});

it('ends an absence the day before the new group starts', () => {
  expect(applyAction(absence(79), 'END', '2026-11-23')).toEqual({ status: 'ENDED', statusSince: '2026-11-23', end: '2026-11-22' });
  expect(applyAction(absence(79, 'ACTIVE', null), 'END', '2026-11-23')).toEqual({ status: 'ENDED', statusSince: '2026-11-23', end: '2026-11-22' });
});

it('keeps the dates of an absence that had not started when it is ended', () => {
  expect(applyAction({ ...absence(79), start: '2026-12-01' }, 'END', '2026-11-23')).toEqual({ status: 'ENDED', statusSince: '2026-11-23', end: '2027-01-31' });
});

it('holds and reactivates from the day of the change', () => {
  expect(applyAction(absence(79), 'HOLD', '2026-11-23')).toEqual({ status: 'ON_HOLD', statusSince: '2026-11-23', end: '2027-01-31' });
  expect(applyAction(absence(79, 'ON_HOLD'), 'REACTIVATE', '2026-12-01')).toEqual({ status: 'ACTIVE', statusSince: '2026-12-01', end: '2027-01-31' });
});

it('is idempotent: applying the plan and planning again for the same change plans nothing', () => {
  const absences = [absence(79), absence(65), absence(80), absence(45)];
  for (const group of [1, 2, 11, 24, 25]) {
    const applied = absences.map((a) => {
      const action = planContactGroupReaction([a], change(group))[0]?.action;
      return action ? { ...a, ...applyAction(a, action, '2026-11-23') } : a;
    });
    expect(planContactGroupReaction(applied, change(group))).toEqual([]);
  }
});
