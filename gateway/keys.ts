// The gateway's own keys: those that verify client JWTs (a JWKS URL or a public key in production,
// the generated dev key in the embedded mode; README, "Keys") and the dev key `npm run token` signs
// with. The process keys every service shares are in core/key-sources.ts.
import type { KeyLike } from 'jose';
import { optional } from '../core/config';
import { chooseKey } from '../core/key-policy';
import { keyContext, type KeyOptions } from '../core/key-sources';
import { devKeyPair, importPublicKey } from '../core/keys';
import { logger } from '../core/logger';
import type { ClientAuthOptions } from './client-auth';

export async function clientAuthOptions(dataDir: string, options: KeyOptions = {}): Promise<ClientAuthOptions> {
  const jwksUrl = optional('JWT_JWKS_URL', options.env);
  const publicKey = optional('JWT_PUBLIC_KEY', options.env);
  const verification = { issuer: optional('JWT_ISSUER', options.env), audience: optional('JWT_AUDIENCE', options.env) };
  if (jwksUrl) {
    // The identity provider's keys are fetched (and rotated) at verification time: the URL is what identifies them here.
    (options.log ?? logger).info({ key: 'client JWT verification keys', source: 'environment', variable: 'JWT_JWKS_URL', url: jwksUrl }, 'key in use');
    return { key: { jwksUrl }, ...verification };
  }
  const key = await chooseKey(
    {
      purpose: 'client JWT verification key',
      variable: publicKey ? 'JWT_PUBLIC_KEY' : 'JWT_JWKS_URL or JWT_PUBLIC_KEY',
      configured: publicKey,
      fromEnvironment: importPublicKey,
      generated: async () => (await devKeyPair(dataDir, 'client-jwt')).publicKey,
    },
    keyContext(dataDir, options),
  );
  return { key, ...verification };
}

/** The dev key `npm run token` signs with; only exists in the embedded mode. */
export async function devClientSigningKey(dataDir: string): Promise<KeyLike> {
  return (await devKeyPair(dataDir, 'client-jwt')).privateKey;
}
