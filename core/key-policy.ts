// Which key a process uses, and whether a generated dev key may be one of them. Generated keys
// (DATA_DIR/keys) exist so that `npm start` works on a fresh machine; in production they let anyone
// with a shell on the host mint tokens (`npm run token`), and a subgraph that makes its own identity
// key rejects every call. So a process started for production refuses them unless the operator says
// ALLOW_DEV_KEYS=true, and every key in use is logged with its source and fingerprint.
import path from 'node:path';
import type { KeyLike } from 'jose';
import { keyFingerprint } from './keys';
import type { Logger } from './logger';

export interface DevKeyPolicy {
  /** What makes this start a production one ("a PostgreSQL database is configured"), or null. */
  production: string | null;
  /** Whether generated dev keys may be used: always in a local start, by ALLOW_DEV_KEYS in production. */
  allowed: boolean;
}

/** The embedded mode on a developer's machine, and tests: generated keys are what they are for. */
export const LOCAL_START: DevKeyPolicy = { production: null, allowed: true };

/** PostgreSQL or the NATS bus configured means production (README, "Keys"). */
export function devKeyPolicy(start: { postgres: boolean; nats: boolean; allowDevKeys: boolean }): DevKeyPolicy {
  const production = start.postgres ? 'a PostgreSQL database is configured' : start.nats ? 'EVENT_BUS=nats' : null;
  return { production, allowed: production === null || start.allowDevKeys };
}

export class DevKeyRefusedError extends Error {
  override name = 'DevKeyRefusedError';
}

export interface KeySpec<K extends KeyLike | Uint8Array> {
  /** What the key is for, in the log and the refusal: "internal identity signing key". */
  purpose: string;
  /** The variable that configures it, as an operator should read it in the refusal. */
  variable: string;
  /** The variable's value, when set. */
  configured: string | undefined;
  fromEnvironment(text: string): Promise<K>;
  /** Reads the dev key under `<dataDir>/keys`, making it on first use. */
  generated(): Promise<K>;
}

export interface KeyContext {
  dataDir: string;
  policy: DevKeyPolicy;
  log: Logger;
}

/** The configured key, or the generated one where the policy allows it; logged either way. */
export async function chooseKey<K extends KeyLike | Uint8Array>(spec: KeySpec<K>, { dataDir, policy, log }: KeyContext): Promise<K> {
  if (spec.configured !== undefined) {
    const key = await spec.fromEnvironment(spec.configured);
    log.info({ key: spec.purpose, source: 'environment', variable: spec.variable, fingerprint: await keyFingerprint(key) }, 'key in use');
    return key;
  }
  if (!policy.allowed) {
    throw new DevKeyRefusedError(
      `Refusing to start on a generated dev key as the ${spec.purpose}: this process is started for production (${policy.production}). ` +
        `Set ${spec.variable} (README, "Keys"), or ALLOW_DEV_KEYS=true to run on the generated keys in DATA_DIR/keys on purpose.`,
    );
  }
  const key = await spec.generated();
  const fields = { key: spec.purpose, source: 'generated', dir: path.join(dataDir, 'keys'), fingerprint: await keyFingerprint(key) };
  if (policy.production) log.warn({ ...fields, unset: spec.variable }, 'key in use: a generated dev key in a production start (ALLOW_DEV_KEYS=true)');
  else log.info(fields, 'key in use');
  return key;
}
