// Where the gateway's keys come from: the environment in production, generated dev keys under
// DATA_DIR/keys in the embedded mode (see README, "Keys").
import { devKeyPair, importPrivateKey, importPublicKey } from '../core/keys';
import { optional } from '../core/config';
import type { ClientAuthOptions } from './client-auth';
import type { KeyLike } from 'jose';

export async function identitySigningKey(dataDir: string): Promise<KeyLike> {
  const configured = optional('INTERNAL_IDENTITY_PRIVATE_KEY');
  return configured ? importPrivateKey(configured) : (await devKeyPair(dataDir, 'internal-identity')).privateKey;
}

export async function identityVerificationKey(dataDir: string): Promise<KeyLike> {
  const configured = optional('INTERNAL_IDENTITY_PUBLIC_KEY');
  return configured ? importPublicKey(configured) : (await devKeyPair(dataDir, 'internal-identity')).publicKey;
}

export async function clientAuthOptions(dataDir: string): Promise<ClientAuthOptions> {
  const jwksUrl = optional('JWT_JWKS_URL');
  const publicKey = optional('JWT_PUBLIC_KEY');
  const key = jwksUrl ? { jwksUrl } : publicKey ? await importPublicKey(publicKey) : (await devKeyPair(dataDir, 'client-jwt')).publicKey;
  return { key, issuer: optional('JWT_ISSUER'), audience: optional('JWT_AUDIENCE') };
}

/** The dev key `npm run token` signs with; only exists in the embedded mode. */
export async function devClientSigningKey(dataDir: string): Promise<KeyLike> {
  return (await devKeyPair(dataDir, 'client-jwt')).privateKey;
}
