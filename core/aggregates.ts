// Aggregates for analysts: counts of persons, never the persons. A small cell can single someone
// out ("the one person in contact group 23 in Læsø"), so counts below the threshold are
// suppressed (answered as null with `suppressed: true`), the usual rule for published statistics.
export const SMALL_COUNT_THRESHOLD = 5;

export interface AggregateCount {
  count: number | null;
  suppressed: boolean;
}

export function suppressSmallCount(count: number, threshold = SMALL_COUNT_THRESHOLD): AggregateCount {
  return count < threshold ? { count: null, suppressed: true } : { count, suppressed: false };
}
