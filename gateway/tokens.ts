// Client tokens for local use (`npm run token`) and tests, signed with the embedded dev key.
import { randomUUID } from 'node:crypto';
import { SignJWT, type KeyLike } from 'jose';
import { ALGORITHM } from '../core/keys';
import type { Role } from '../core/identity';

/** A working day: what `npm run token` issues unless told otherwise. */
export const DEFAULT_TOKEN_HOURS = 8;

export interface TokenClaims {
  role: Role;
  authority: string;
  subject?: string;
  /** Seconds until expiry; default DEFAULT_TOKEN_HOURS. */
  expiresIn?: number;
}

export async function issueClientToken(key: KeyLike, claims: TokenClaims): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: claims.role, authority: claims.authority })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(claims.subject ?? `${claims.role}-${claims.authority}-${randomUUID().slice(0, 8)}`)
    .setIssuedAt(now)
    .setExpirationTime(now + (claims.expiresIn ?? DEFAULT_TOKEN_HOURS * 3600))
    .sign(key);
}
