// Analysts count persons without ever seeing who they are: a CPR number becomes a keyed pseudonym
// (HMAC-SHA256 under a secret key), stable for the same person across queries and subgraphs so
// distinct persons can be counted and joined, but not reversible without the key. A plain hash
// would not do: there are only ~10^9 CPR numbers and a dictionary attack on SHA-256 takes minutes.
import { createHmac, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { optional } from './config';

export type Pseudonymise = (cpr: string) => string;

export function cprPseudonymiser(key: Buffer): Pseudonymise {
  if (key.length < 32) throw new Error('The CPR pseudonym key must be at least 32 bytes.');
  return (cpr) => `P${createHmac('sha256', key).update(cpr, 'utf8').digest('base64url').slice(0, 22)}`;
}

/**
 * CPR_PSEUDONYM_KEY (base64, ≥ 32 bytes) in production; in the embedded mode a random key is made
 * once in DATA_DIR/keys. Rotating it changes every pseudonym, which is the way to cut old extracts loose.
 */
export function cprPseudonymKey(dataDir: string, env?: NodeJS.ProcessEnv): Buffer {
  const configured = optional('CPR_PSEUDONYM_KEY', env);
  if (configured) return Buffer.from(configured, 'base64');
  const file = path.join(dataDir, 'keys', 'cpr-pseudonym.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString('base64'), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return Buffer.from(fs.readFileSync(file, 'utf8'), 'base64');
}
