// Verifies the client's bearer JWT. Only asymmetric algorithms are accepted (never `none`, never
// an HMAC secret a client could guess), and the claims must name a known role and a well-formed
// authority for that role.
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey, type KeyLike } from 'jose';
import { unauthenticated } from '../core/identity-token';
import { isRole, isValidAuthority, type Identity } from '../core/identity';

export interface ClientAuthOptions {
  /** A fixed public key (embedded dev key, or JWT_PUBLIC_KEY) or a JWKS URL (JWT_JWKS_URL). */
  key: KeyLike | { jwksUrl: string };
  issuer?: string;
  audience?: string;
}

const ALGORITHMS = ['ES256', 'ES384', 'RS256', 'PS256', 'EdDSA'];

export class ClientAuthenticator {
  private readonly key: KeyLike | JWTVerifyGetKey;

  constructor(private readonly options: ClientAuthOptions) {
    this.key = 'jwksUrl' in options.key ? createRemoteJWKSet(new URL(options.key.jwksUrl)) : options.key;
  }

  /** The caller's identity from an `Authorization: Bearer …` header, or UNAUTHENTICATED. */
  async authenticate(authorization: string | undefined): Promise<Identity> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw unauthenticated('Send a bearer token: Authorization: Bearer <JWT>.');
    let payload;
    try {
      ({ payload } = await jwtVerify(match[1], this.key as KeyLike, {
        algorithms: ALGORITHMS,
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch {
      throw unauthenticated('The bearer token is invalid or expired.');
    }
    const { sub, role, authority } = payload;
    if (typeof sub !== 'string' || !isRole(role) || !isValidAuthority(role, authority)) {
      throw unauthenticated('The bearer token must carry sub, a known role and a matching authority.');
    }
    return { subject: sub, role, authority };
  }
}
