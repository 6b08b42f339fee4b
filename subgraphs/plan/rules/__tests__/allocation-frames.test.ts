// Allocation frames (001 §4.2): closed frames, the dated frame 17 and frame 18's category restriction.
import { ALLOCATION_FRAMES, validateActivityUpdate, validateNewActivity, type NewActivityInput } from '..';
import { errorCodeOf } from './error-code-of';

const newActivity = (overrides: Partial<NewActivityInput>): NewActivityInput => ({
  frameId: 17,
  categoryId: 26,
  start: '2021-06-01',
  end: '2021-08-31',
  today: '2021-05-01',
  registrantRole: 'caseworker',
  ...overrides,
});

describe('allocation frame code list', () => {
  it('holds every frame the seed lists, with the seed names', () => {
    expect(ALLOCATION_FRAMES.map((frame) => frame.id)).toEqual([2, 3, 12, 13, 17, 18]);
    expect(ALLOCATION_FRAMES.find((frame) => frame.id === 13)?.name).toBe('Puljer til opkvalificering inden for mangelområder (inden 1.1.2021)');
    expect(ALLOCATION_FRAMES.find((frame) => frame.id === 18)?.name).toBe(
      'Pulje til uddannelse m.v. til personer der har arbejdet i minkerhvervet eller følgeerhverv',
    );
  });

  it('refuses a frame that is not in the list for a new activity', () => {
    expect(errorCodeOf(() => validateNewActivity(newActivity({ frameId: 1 })))).toBe('UNKNOWN_ALLOCATION_FRAME');
  });

  it('still updates the end of an existing activity on a frame not in the list', () => {
    const existing = { frameId: 1, categoryId: 26, start: '2019-05-06', end: '2019-08-30' };
    const updated = { ...existing, end: '2019-09-27' };
    expect(errorCodeOf(() => validateActivityUpdate({ existing, updated, today: '2019-08-01', registrantRole: 'caseworker' }))).toBeNull();
  });
});

describe.each([2, 3, 12, 13])('frame %i closed for activities starting 2021-01-01 or later', (frameId) => {
  it('accepts a new activity starting 2020-12-31', () => {
    const input = newActivity({ frameId, start: '2020-12-31', end: '2021-02-28', today: '2020-12-15' });
    expect(errorCodeOf(() => validateNewActivity(input))).toBeNull();
  });

  it('refuses a new activity starting 2021-01-01', () => {
    const input = newActivity({ frameId, start: '2021-01-01', end: '2021-02-28', today: '2020-12-15' });
    expect(errorCodeOf(() => validateNewActivity(input))).toBe('ALLOCATION_FRAME_CLOSED');
  });

  it('still takes updates of an existing activity, e.g. a later end date', () => {
    const existing = { frameId, categoryId: 26, start: '2020-11-02', end: '2021-01-29' };
    const updated = { ...existing, end: '2021-03-31' };
    expect(errorCodeOf(() => validateActivityUpdate({ existing, updated, today: '2022-01-10', registrantRole: 'caseworker' }))).toBeNull();
  });

  it('still takes updates of an activity registered in 2020 to start in 2021', () => {
    const existing = { frameId, categoryId: 26, start: '2021-02-01', end: '2021-04-30' };
    const updated = { ...existing, end: '2021-05-31' };
    expect(errorCodeOf(() => validateActivityUpdate({ existing, updated, today: '2021-03-01', registrantRole: 'caseworker' }))).toBeNull();
  });

  it('still lets such an activity change category', () => {
    const existing = { frameId, categoryId: 26, start: '2021-02-01', end: '2021-04-30' };
    const updated = { ...existing, categoryId: 27 };
    expect(errorCodeOf(() => validateActivityUpdate({ existing, updated, today: '2021-03-01', registrantRole: 'caseworker' }))).toBeNull();
  });

  it('refuses moving an existing activity to start 2021-01-01', () => {
    const existing = { frameId, categoryId: 26, start: '2020-11-02', end: '2021-01-29' };
    const updated = { ...existing, start: '2021-01-01' };
    expect(errorCodeOf(() => validateActivityUpdate({ existing, updated, today: '2020-12-20', registrantRole: 'caseworker' }))).toBe(
      'ALLOCATION_FRAME_CLOSED',
    );
  });

  it('refuses moving an existing activity onto the closed frame', () => {
    const existing = { frameId: 17, categoryId: 26, start: '2021-03-01', end: '2021-05-31' };
    const updated = { ...existing, frameId };
    expect(errorCodeOf(() => validateActivityUpdate({ existing, updated, today: '2021-02-10', registrantRole: 'caseworker' }))).toBe(
      'ALLOCATION_FRAME_CLOSED',
    );
  });
});

describe('frame 17 (110 % dagpenge) runs 2020-08-01 to 2022-12-31', () => {
  it('refuses an activity starting 2020-07-31', () => {
    expect(errorCodeOf(() => validateNewActivity(newActivity({ start: '2020-07-31', end: '2020-09-30' })))).toBe(
      'ALLOCATION_FRAME_NOT_VALID_ON_DATE',
    );
  });

  it('accepts activities starting 2020-08-01 and 2022-12-31', () => {
    expect(errorCodeOf(() => validateNewActivity(newActivity({ start: '2020-08-01', end: '2020-09-30' })))).toBeNull();
    expect(errorCodeOf(() => validateNewActivity(newActivity({ start: '2022-12-31', end: '2023-03-31', today: '2022-12-01' })))).toBeNull();
  });

  it('refuses an activity starting 2023-01-01', () => {
    expect(errorCodeOf(() => validateNewActivity(newActivity({ start: '2023-01-01', end: '2023-03-31' })))).toBe('ALLOCATION_FRAME_CLOSED');
  });
});

describe('frame 18 (mink pool) combines only with its 13 categories', () => {
  it.each([25, 26, 27, 28, 29, 30, 36, 39, 40, 41, 45, 46, 47])('accepts category %i', (categoryId) => {
    expect(errorCodeOf(() => validateNewActivity(newActivity({ frameId: 18, categoryId })))).toBeNull();
  });

  it('refuses a known category outside the list (903 Jobrettet uddannelse)', () => {
    const input = newActivity({ frameId: 18, categoryId: 903, start: '2025-02-03', end: '2025-03-14', today: '2025-01-20' });
    expect(errorCodeOf(() => validateNewActivity(input))).toBe('CATEGORY_NOT_ALLOWED_FOR_FRAME');
  });

  it('refuses changing an existing frame-18 activity to a category outside the list', () => {
    const existing = { frameId: 18, categoryId: 26, start: '2025-02-03', end: '2025-03-14' };
    const updated = { ...existing, categoryId: 903 };
    expect(errorCodeOf(() => validateActivityUpdate({ existing, updated, today: '2025-01-20', registrantRole: 'caseworker' }))).toBe(
      'CATEGORY_NOT_ALLOWED_FOR_FRAME',
    );
  });

  it('lets other frames combine with any known category', () => {
    expect(errorCodeOf(() => validateNewActivity(newActivity({ frameId: 17, categoryId: 30 })))).toBeNull();
  });
});
