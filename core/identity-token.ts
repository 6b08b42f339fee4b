// The gateway → subgraph identity token. The gateway verifies the client's JWT and mints, per call,
// a short-lived token for exactly one subgraph (audience = the subgraph's name). Subgraphs trust this
// token only, never client headers: a client that calls a subgraph directly, or replays a token
// minted for another subgraph, is refused. Asymmetric keys mean a compromised subgraph can verify
// but not mint identities for the others.
import { SignJWT, jwtVerify, type KeyLike } from 'jose';
import { ALGORITHM } from './keys';
import { DomainError, ErrorCode } from './errors';
import { isRole, isValidAuthority, type Identity } from './identity';

export const IDENTITY_HEADER = 'x-dfdg-identity';
/**
 * The client's operation name, set by the gateway on its calls to subgraphs for the audit trail
 * ("which operation read this CPR"). A label, never an authority: access decisions use only the
 * signed identity token, and a client's own headers are never forwarded.
 */
export const CLIENT_OPERATION_HEADER = 'x-dfdg-client-operation';
const ISSUER = 'dfdg-gateway';
/** Tokens live this long; the gateway reuses one for at most half of it. */
export const IDENTITY_TOKEN_TTL_SECONDS = 60;

export class IdentityTokenIssuer {
  private readonly cache = new Map<string, { token: string; reuseUntil: number }>();

  constructor(private readonly privateKey: KeyLike, private readonly now: () => number = Date.now) {}

  /**
   * Signing costs far more than a map lookup, and a caseworker's page fans out to several calls per
   * subgraph, so a token is reused for the same identity and audience for half its lifetime.
   */
  async mint(identity: Identity, audience: string): Promise<string> {
    const key = `${audience}\u0000${identity.role}\u0000${identity.authority}\u0000${identity.subject}`;
    const cached = this.cache.get(key);
    const now = this.now();
    if (cached && cached.reuseUntil > now) return cached.token;
    const issuedAt = Math.floor(now / 1000);
    const token = await new SignJWT({ role: identity.role, authority: identity.authority })
      .setProtectedHeader({ alg: ALGORITHM })
      .setIssuer(ISSUER)
      .setAudience(audience)
      .setSubject(identity.subject)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + IDENTITY_TOKEN_TTL_SECONDS)
      .sign(this.privateKey);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { token, reuseUntil: now + (IDENTITY_TOKEN_TTL_SECONDS * 1000) / 2 });
    return token;
  }
}

export class IdentityTokenVerifier {
  private readonly verified = new Map<string, { identity: Identity; expiresAt: number }>();

  constructor(
    private readonly publicKey: KeyLike,
    private readonly audience: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The caller's identity, or UNAUTHENTICATED when the token is missing, expired, for another audience or forged. */
  async verify(token: string | undefined | null): Promise<Identity> {
    if (!token) throw unauthenticated('This service only accepts requests through the DFDG gateway.');
    const cached = this.verified.get(token);
    if (cached && cached.expiresAt > this.now()) return cached.identity;
    let payload;
    try {
      ({ payload } = await jwtVerify(token, this.publicKey, {
        issuer: ISSUER,
        audience: this.audience,
        algorithms: [ALGORITHM],
        maxTokenAge: IDENTITY_TOKEN_TTL_SECONDS + 5,
        currentDate: new Date(this.now()),
      }));
    } catch {
      throw unauthenticated('The gateway identity token is invalid or expired.');
    }
    const { sub, role, authority, exp } = payload;
    if (typeof sub !== 'string' || !isRole(role) || !isValidAuthority(role, authority) || typeof exp !== 'number') {
      throw unauthenticated('The gateway identity token lacks a valid subject, role or authority.');
    }
    const identity: Identity = { subject: sub, role, authority };
    if (this.verified.size > 10_000) this.verified.clear();
    this.verified.set(token, { identity, expiresAt: exp * 1000 });
    return identity;
  }
}

export function unauthenticated(message: string): DomainError {
  const error = new DomainError(ErrorCode.UNAUTHENTICATED, message);
  (error.extensions as Record<string, unknown>).http = { status: 401 };
  return error;
}
