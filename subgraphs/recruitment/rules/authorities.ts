// Authorities as the recruitment subgraph keys them. A jobcentre is its municipality code and an
// a-kasse its number, and the two can collide ("101"), so every key carries the kind.
import type { Identity } from '../../../core/identity';

export type AuthorityKind = 'JOBCENTRE' | 'AKASSE';

export interface AuthorityRef {
  kind: AuthorityKind;
  code: string;
}

/** `JOBCENTRE:101`, `AKASSE:21`: how owners, coordinators and mediators are stored. */
export function authorityKey(ref: AuthorityRef): string {
  return `${ref.kind}:${ref.code}`;
}

export function parseAuthorityKey(key: string): AuthorityRef | null {
  const [kind, code] = key.split(':');
  return (kind === 'JOBCENTRE' || kind === 'AKASSE') && code ? { kind, code } : null;
}

/** The authority a caseworker or a-kasse acts for; null for the system and analyst roles. */
export function callerAuthority(identity: Identity): AuthorityRef | null {
  if (identity.role === 'caseworker') return { kind: 'JOBCENTRE', code: identity.authority };
  if (identity.role === 'akasse') return { kind: 'AKASSE', code: identity.authority };
  return null;
}

/** What is written as "performed by" / "mediated by": the authority, or SYSTEM for STAR. */
export function actorKey(identity: Identity): string {
  const authority = callerAuthority(identity);
  return authority ? authorityKey(authority) : 'SYSTEM';
}

export const MUNICIPALITY_CODE = /^\d{3}$/;
export const AKASSE_NUMBER = /^\d{1,4}$/;
