import { suppressSmallCount } from '../aggregates';

it('suppresses counts below 5 and keeps the rest', () => {
  expect(suppressSmallCount(0)).toEqual({ count: null, suppressed: true });
  expect(suppressSmallCount(4)).toEqual({ count: null, suppressed: true });
  expect(suppressSmallCount(5)).toEqual({ count: 5, suppressed: false });
});
