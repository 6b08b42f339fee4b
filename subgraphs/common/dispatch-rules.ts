// Dispatch rules (WSRM message routing): which authorities must hear which kind of event. Each
// subgraph addresses its own events with its own table (subgraphs/<name>/dispatch.ts); the gateway
// then delivers a notification to exactly the subscribers of those authorities (and the system role).
import type { EventAuthorities } from '../../core/events';
import type { DispatchTable, Recipient } from './recipients';
export type { Recipient } from './recipients';

export interface DispatchPerson {
  municipalityCode: string;
  /** Current and former a-kasser. */
  akasser: readonly string[];
}

export type AddressEvent<K extends string> = (kind: K, person: DispatchPerson | null, named?: EventAuthorities) => EventAuthorities;

/**
 * The function that addresses events of one subgraph with its table: the authorities an event of
 * `kind` goes to.
 */
export function dispatcher<K extends string>(table: DispatchTable<K>): AddressEvent<K> {
  return (kind, person, named = {}) => {
    const jobcentres = new Set<string>();
    const akasser = new Set<string>();
    // A kind that slipped past the types (a cast) reaches no authority: fails closed, never leaks.
    for (const recipient of (table[kind] as readonly Recipient[] | undefined) ?? []) {
      if (recipient === 'PERSON_JOBCENTRE' && person) jobcentres.add(person.municipalityCode);
      if (recipient === 'PERSON_AKASSER' && person) person.akasser.forEach((a) => akasser.add(a));
      if (recipient === 'NAMED') {
        named.jobcentres?.forEach((j) => jobcentres.add(j));
        named.akasser?.forEach((a) => akasser.add(a));
      }
    }
    return { jobcentres: [...jobcentres].sort(), akasser: [...akasser].sort() };
  };
}

/** The kinds of an event constant (`{ A: 'A', B: 'B' } as const` → `'A' | 'B'`). */
export type KindOf<T extends Record<string, string>> = T[keyof T];
