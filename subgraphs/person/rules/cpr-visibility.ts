// How a person's CPR number is shown (issue 9). In clear only to those who work with the person:
// the person's jobcentre, the person's a-kasse (a former one only within its 13-week read window,
// common/akasse-access.ts: an old or self-claimed membership is no key to the CPR), and the system role
// (the CPR feed, STAR's jobs). Everyone else, analysts included, sees it masked as DDMMYY-XXXX;
// analysts count and join persons through the keyed pseudonym instead (core/cpr-pseudonym.ts).
// Every answer that shows a CPR in clear is audited (core/audit.ts).
import type { Identity } from '../../../core/identity';
import type { PersonAuthorities } from './access';

export type CprVisibility = 'CLEAR' | 'MASKED';

export function cprVisibility(identity: Identity, person: PersonAuthorities): CprVisibility {
  switch (identity.role) {
    case 'system':
      return 'CLEAR';
    case 'caseworker':
      return identity.authority === person.municipalityCode ? 'CLEAR' : 'MASKED';
    case 'akasse':
      return person.akasser.includes(identity.authority) ? 'CLEAR' : 'MASKED';
    case 'analyst':
      return 'MASKED';
  }
}
