// Where each process's keys come from: the environment in production, generated dev keys under
// DATA_DIR/keys in the embedded mode (see README, "Keys"). Each is logged by fingerprint, and a
// process started for production refuses the generated ones (core/key-policy.ts).
import type { KeyLike } from 'jose';
import { optional } from '../core/config';
import { cprPseudonymKey } from '../core/cpr-pseudonym';
import { chooseKey, LOCAL_START, type DevKeyPolicy, type KeyContext } from '../core/key-policy';
import { devKeyPair, importPrivateKey, importPublicKey } from '../core/keys';
import { logger, type Logger } from '../core/logger';
import type { ClientAuthOptions } from './client-auth';

export interface KeyOptions {
  /** Whether generated dev keys may be used; default a local start, where they may. */
  policy?: DevKeyPolicy;
  /** Where the variables are read; default the process's environment. */
  env?: NodeJS.ProcessEnv;
  log?: Logger;
}

function context(dataDir: string, options: KeyOptions): KeyContext {
  return { dataDir, policy: options.policy ?? LOCAL_START, log: options.log ?? logger };
}

export async function identitySigningKey(dataDir: string, options: KeyOptions = {}): Promise<KeyLike> {
  return chooseKey(
    {
      purpose: 'internal identity signing key',
      variable: 'INTERNAL_IDENTITY_PRIVATE_KEY',
      configured: optional('INTERNAL_IDENTITY_PRIVATE_KEY', options.env),
      fromEnvironment: importPrivateKey,
      generated: async () => (await devKeyPair(dataDir, 'internal-identity')).privateKey,
    },
    context(dataDir, options),
  );
}

export async function identityVerificationKey(dataDir: string, options: KeyOptions = {}): Promise<KeyLike> {
  return chooseKey(
    {
      purpose: 'internal identity verification key',
      variable: 'INTERNAL_IDENTITY_PUBLIC_KEY',
      configured: optional('INTERNAL_IDENTITY_PUBLIC_KEY', options.env),
      fromEnvironment: importPublicKey,
      generated: async () => (await devKeyPair(dataDir, 'internal-identity')).publicKey,
    },
    context(dataDir, options),
  );
}

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
    context(dataDir, options),
  );
  return { key, ...verification };
}

/** The analysts' CPR pseudonym key (core/cpr-pseudonym.ts): the same in every subgraph. */
export async function pseudonymKey(dataDir: string, options: KeyOptions = {}): Promise<Buffer> {
  return chooseKey(
    {
      purpose: 'CPR pseudonym key',
      variable: 'CPR_PSEUDONYM_KEY',
      configured: optional('CPR_PSEUDONYM_KEY', options.env),
      fromEnvironment: async (text) => Buffer.from(text, 'base64'),
      // No variables given: always the file under DATA_DIR/keys.
      generated: async () => cprPseudonymKey(dataDir, {}),
    },
    context(dataDir, options),
  );
}

/** The dev key `npm run token` signs with; only exists in the embedded mode. */
export async function devClientSigningKey(dataDir: string): Promise<KeyLike> {
  return (await devKeyPair(dataDir, 'client-jwt')).privateKey;
}
