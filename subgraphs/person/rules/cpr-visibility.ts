// How a person's CPR number is shown (issue 9). In clear only to those who work with the person:
// the person's jobcentre, the person's a-kasse (a former one only within its 13-week read window,
// common/akasse-access.ts: an old or self-claimed membership is no key to the CPR), and the system
// role (the CPR feed, STAR's jobs). Another jobcentre or a-kasse sees it masked as DDMMYY-XXXX (it
// has typed the CPR to look the person up, so the birth date tells it nothing new). Analysts see no
// CPR at all, not even masked: DDMMYY is a birth date, and a birth date with a jobcentre singles a
// person out of a suppressed cell. Every answer that shows a CPR in clear is audited (core/audit.ts).
import type { Identity } from '../../../core/identity';
import type { PersonAuthorities } from './access';

export type CprVisibility = 'CLEAR' | 'MASKED' | 'REFUSED';

export function cprVisibility(identity: Identity, person: PersonAuthorities): CprVisibility {
  switch (identity.role) {
    case 'system':
      return 'CLEAR';
    case 'caseworker':
      return identity.authority === person.municipalityCode ? 'CLEAR' : 'MASKED';
    case 'akasse':
      return person.akasser.includes(identity.authority) ? 'CLEAR' : 'MASKED';
    case 'analyst':
      return 'REFUSED';
  }
}
