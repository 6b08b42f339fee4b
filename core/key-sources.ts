// Where each process's keys come from: the environment in production, generated dev keys under
// DATA_DIR/keys in the embedded mode (see README, "Keys"). Each is logged by fingerprint, and a
// process started for production refuses the generated ones (key-policy.ts). The gateway's client
// JWT keys are its own (gateway/keys.ts).
import type { KeyLike } from 'jose';
import { optional } from './config';
import { cprPseudonymKey } from './cpr-pseudonym';
import { chooseKey, LOCAL_START, type DevKeyPolicy, type KeyContext } from './key-policy';
import { devKeyPair, importPrivateKey, importPublicKey } from './keys';
import { logger, type Logger } from './logger';

export interface KeyOptions {
  /** Whether generated dev keys may be used; default a local start, where they may. */
  policy?: DevKeyPolicy;
  /** Where the variables are read; default the process's environment. */
  env?: NodeJS.ProcessEnv;
  log?: Logger;
}

export function keyContext(dataDir: string, options: KeyOptions): KeyContext {
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
    keyContext(dataDir, options),
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
    keyContext(dataDir, options),
  );
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
    keyContext(dataDir, options),
  );
}
