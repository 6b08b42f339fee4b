// Meetings (samtaler): the meeting types the seeds name, and who hears of a summons (001 §1.2, §1.3).
import type { EventAuthorities } from '../../../core/events';

export interface MeetingType {
  id: number;
  name: string;
  /** When an a-kasse summons to it, the person's jobcentre is told on create, update and cancel. */
  jobcentreHearsAkasseSummons: boolean;
}

/** 17 is the one type the seeds name; caseworker systems send others by id and they are kept as sent. */
export const MEETING_TYPES: ReadonlyMap<number, MeetingType> = new Map([
  [17, { id: 17, name: 'Fælles jobsamtale med dagpengemodtager', jobcentreHearsAkasseSummons: true }],
]);

export const MAX_MEETING_TYPE_ID = 999;

export function meetingType(id: number): MeetingType {
  return MEETING_TYPES.get(id) ?? { id, name: `Samtale (type ${id})`, jobcentreHearsAkasseSummons: false };
}

export interface SummonsForDispatch {
  meetingTypeId: number;
  summonerRole: string;
  summonerAuthority: string;
}

/**
 * Who hears of a summons being created, updated or cancelled by its summoner: the summoning
 * authority, and the person's jobcentre when an a-kasse summons to a type that involves it (17).
 */
export function summonsRecipients(summons: SummonsForDispatch, personJobcentre: string): EventAuthorities {
  const jobcentres = new Set<string>();
  const akasser = new Set<string>();
  if (summons.summonerRole === 'caseworker') jobcentres.add(summons.summonerAuthority);
  if (summons.summonerRole === 'akasse') {
    akasser.add(summons.summonerAuthority);
    if (meetingType(summons.meetingTypeId).jobcentreHearsAkasseSummons) jobcentres.add(personJobcentre);
  }
  if (summons.summonerRole === 'system') jobcentres.add(personJobcentre);
  return { jobcentres: [...jobcentres], akasser: [...akasser] };
}

/**
 * Who hears that a move cancelled a summons: the jobcentre moved FROM (001 §1.3; it used to reach
 * the new one), and the summoning a-kasse when it was the a-kasse's.
 */
export function moveCancellationRecipients(summons: SummonsForDispatch, movedFrom: string): EventAuthorities {
  return { jobcentres: [movedFrom], akasser: summons.summonerRole === 'akasse' ? [summons.summonerAuthority] : [] };
}

/** A move cancels the meetings the old jobcentre holds or takes part in (its own, and joint type 17). */
export function cancelledByMove(summons: SummonsForDispatch): boolean {
  return summons.summonerRole !== 'akasse' || meetingType(summons.meetingTypeId).jobcentreHearsAkasseSummons;
}
