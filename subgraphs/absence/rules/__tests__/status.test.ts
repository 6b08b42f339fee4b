// The status a caller sees.
import { displayStatus } from '..';

const TODAY = '2026-11-23';

it.each([
  [{ status: 'ACTIVE', start: '2026-11-24', end: null }, 'PLANNED'],
  [{ status: 'ACTIVE', start: '2026-11-23', end: null }, 'ACTIVE'],
  [{ status: 'ACTIVE', start: '2026-11-01', end: '2026-11-23' }, 'ACTIVE'],
  [{ status: 'ACTIVE', start: '2026-11-01', end: '2026-11-22' }, 'ENDED'],
  [{ status: 'ON_HOLD', start: '2026-11-01', end: null }, 'ON_HOLD'],
  [{ status: 'ENDED', start: '2026-11-01', end: '2026-11-10' }, 'ENDED'],
  [{ status: 'DELETED', start: '2026-11-01', end: null }, 'DELETED'],
] as const)('%j → %s', (absence, expected) => expect(displayStatus(absence, TODAY)).toBe(expected));
