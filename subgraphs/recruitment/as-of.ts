// Mediations as they stood on the day a read is for (person(cpr:, asOf:)): a mediation's steps take
// effect when recorded, so its job-order events are its history. Who may see a mediation is decided
// before this, on today's facts (access-facts.ts); this only says what it looked like on the day.
import { toIsoDate, type IsoDate } from '../../core/dates';
import type { Mediation } from './entities/Mediation';
import type { RecruitmentLoaders } from './loaders';
import { mediationStatusOn } from './rules';

/**
 * The mediations that existed at the end of `day`, each with its status (and outcome, once reported)
 * of that day. For today or later they are the rows as they stand: nothing is recorded ahead.
 */
export async function mediationsOn(loaders: RecruitmentLoaders, mediations: Mediation[], day: IsoDate, today: IsoDate): Promise<Mediation[]> {
  if (day >= today) return mediations;
  const events = await Promise.all(mediations.map((m) => loaders.eventsByJobOrder.load(m.jobOrderId)));
  return mediations.flatMap((mediation, i) => {
    const own = events[i].filter((e) => e.mediationId === mediation.id).map((e) => ({ actionTypeId: e.actionTypeId, day: toIsoDate(e.occurredAt) }));
    const status = mediationStatusOn(own, day);
    if (status === null) return [];
    return [{ ...mediation, status, outcome: status === 'RESULT_REPORTED' ? mediation.outcome : null }];
  });
}
