// How long a client JWT may live, and how far its issuer's clock may run ahead of ours. A token
// issued "in the future" lives longer than its issuer meant (or was minted on a host with a wrong
// clock), and a token valid for a month is a standing key if it leaks: the gateway refuses both,
// whatever the identity provider signed. `npm run token` issues 8 hours, a working day.

/** The longest a client token may be valid: exp − iat, or exp − now when it carries no iat. */
export const MAX_TOKEN_LIFETIME_SECONDS = 12 * 3600;
/** How far `iat` may lie ahead of our clock: the drift between the provider's clock and ours. */
export const MAX_CLOCK_SKEW_SECONDS = 60;

/** Why a signed token's times are refused, or null when they are acceptable. `now` in seconds. */
export function tokenLifetimeProblem(claims: { iat?: number; exp: number }, now: number): string | null {
  if (claims.iat !== undefined && claims.iat > now + MAX_CLOCK_SKEW_SECONDS) {
    return `The bearer token was issued in the future (iat more than ${MAX_CLOCK_SKEW_SECONDS} s ahead of the gateway's clock).`;
  }
  const lifetime = claims.exp - (claims.iat ?? now);
  if (lifetime > MAX_TOKEN_LIFETIME_SECONDS) {
    return `The bearer token is valid for longer than ${MAX_TOKEN_LIFETIME_SECONDS / 3600} hours; ask your identity provider for a shorter-lived one.`;
  }
  return null;
}
