// Verifies the client's bearer JWT. Only asymmetric algorithms are accepted (never `none`, never
// an HMAC secret a client could guess), and the claims must name a known role and a well-formed
// authority for that role. Its times must be plausible too: issued no later than now (give or take
// a little clock skew) and valid for at most 12 hours (token-lifetime.ts).
import { InMemoryLRUCache } from '@apollo/utils.keyvaluecache';
import { createRemoteJWKSet, decodeJwt, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { systemClock, type Clock } from '../core/clock';
import { unauthenticated } from '../core/identity-token';
import { isRole, isValidAuthority, type Identity } from '../core/identity';
import { tokenLifetimeProblem } from './token-lifetime';

export interface ClientAuthOptions {
  /** A fixed public key (embedded dev key, or JWT_PUBLIC_KEY) or a JWKS URL (JWT_JWKS_URL). */
  key: KeyLike | { jwksUrl: string };
  issuer?: string;
  audience?: string;
  /** The gateway's clock, against which exp and iat are judged. @default the system clock */
  clock?: Clock;
}

const ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];
const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Verifying an ES256 signature costs about a quarter of a millisecond, on every request of a
 * caseworker screen that sends the same token all day. A verified token is therefore remembered,
 * keyed by its exact text (a forged or altered token never matches), until its own `exp` and for
 * at most this long, so a key withdrawn from the JWKS stops working within a minute.
 */
const VERIFIED_TOKEN_TTL_MS = 60_000;
/** Room for several thousand tokens (each counted by its text); the least recently used go first. */
const VERIFIED_TOKEN_CACHE_BYTES = 4 * 2 ** 20;

interface VerifiedToken {
  identity: Identity;
  /** Epoch ms after which the token must be verified again (or refused, once expired). */
  validUntil: number;
}

export class ClientAuthenticator {
  private readonly key: KeyLike | JWTVerifyGetKey;
  private readonly verified = new InMemoryLRUCache<VerifiedToken>({
    maxSize: VERIFIED_TOKEN_CACHE_BYTES,
    sizeCalculation: (entry, token) => token.length + JSON.stringify(entry).length,
  });

  constructor(private readonly options: ClientAuthOptions) {
    this.key = 'jwksUrl' in options.key ? createRemoteJWKSet(new URL(options.key.jwksUrl)) : options.key;
  }

  /** The caller's identity from an `Authorization: Bearer …` header, or UNAUTHENTICATED. */
  async authenticate(authorization: string | undefined): Promise<Identity> {
    const match = BEARER.exec(authorization ?? '');
    if (!match) throw unauthenticated('Send a bearer token: Authorization: Bearer <JWT>.');
    const token = match[1];
    const known = await this.verified.get(token);
    if (known && this.now() < known.validUntil) return known.identity;
    const verified = await this.verify(token);
    await this.verified.set(token, verified);
    return verified.identity;
  }

  /** As authenticate, and when the token expires (epoch ms): a WebSocket authenticated once closes then. */
  async authenticateWithExpiry(authorization: string | undefined): Promise<{ identity: Identity; expiresAt: number }> {
    const identity = await this.authenticate(authorization);
    // authenticate has just verified this exact token, exp included, so its claims can be read as they are.
    const { exp } = decodeJwt(BEARER.exec(authorization!)![1]);
    return { identity, expiresAt: exp! * 1000 };
  }

  private async verify(token: string): Promise<VerifiedToken> {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.key as KeyLike, {
        algorithms: ALGORITHMS,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp', 'sub'],
        currentDate: new Date(this.now()),
      }));
    } catch {
      throw unauthenticated('The bearer token is invalid or expired.');
    }
    const { sub, role, authority } = payload;
    if (typeof sub !== 'string' || !isRole(role) || !isValidAuthority(role, authority)) {
      throw unauthenticated('The bearer token must carry sub, a known role and a matching authority.');
    }
    // requiredClaims makes exp a number here, and jose has checked that iat, when present, is one.
    const problem = tokenLifetimeProblem({ iat: payload.iat, exp: payload.exp as number }, Math.floor(this.now() / 1000));
    if (problem) throw unauthenticated(problem);
    const validUntil = Math.min((payload.exp as number) * 1000, this.now() + VERIFIED_TOKEN_TTL_MS);
    return { identity: { subject: sub, role, authority }, validUntil };
  }

  private now(): number {
    return (this.options.clock ?? systemClock).now().getTime();
  }
}
