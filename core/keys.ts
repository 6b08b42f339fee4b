// Signing keys. In production they come from the environment; in the embedded mode a key pair is
// generated once into DATA_DIR/keys so `npm start` and `npm run token` work on a fresh machine
// without anyone shipping a shared secret in the repository.
import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, importSPKI, importPKCS8, type JWK, type KeyLike } from 'jose';

export const ALGORITHM = 'ES256';

export interface KeyPair {
  privateKey: KeyLike;
  publicKey: KeyLike;
}

/** Loads `<dir>/<name>.json` (private and public JWK), creating it on first use. */
export async function devKeyPair(dir: string, name: string): Promise<KeyPair> {
  const file = path.join(dir, 'keys', `${name}.json`);
  if (!fs.existsSync(file)) {
    const pair = await generateKeyPair(ALGORITHM, { extractable: true });
    const stored = { privateJwk: await exportJWK(pair.privateKey), publicJwk: await exportJWK(pair.publicKey) };
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // `wx` fails if another process created it first; then we read theirs below.
    try {
      fs.writeFileSync(file, JSON.stringify(stored), { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { privateJwk: JWK; publicJwk: JWK };
  return {
    privateKey: (await importJWK(stored.privateJwk, ALGORITHM)) as KeyLike,
    publicKey: (await importJWK(stored.publicJwk, ALGORITHM)) as KeyLike,
  };
}

/** A PEM (SPKI / PKCS#8) or JWK JSON from an environment variable. */
export async function importPublicKey(text: string): Promise<KeyLike> {
  return text.trim().startsWith('{')
    ? ((await importJWK(JSON.parse(text) as JWK, ALGORITHM)) as KeyLike)
    : importSPKI(text, ALGORITHM);
}

export async function importPrivateKey(text: string): Promise<KeyLike> {
  return text.trim().startsWith('{')
    ? ((await importJWK(JSON.parse(text) as JWK, ALGORITHM)) as KeyLike)
    : importPKCS8(text, ALGORITHM);
}

/**
 * RFC 7638 JWK thumbprint, for logs: a private key and its public half give the same one, so the
 * gateway's signing key and a subgraph's verification key can be compared line by line. A secret
 * (the CPR pseudonym key) is hashed as an `oct` JWK; SHA-256 of 32 random bytes reveals nothing.
 */
export async function keyFingerprint(key: KeyLike | Uint8Array): Promise<string> {
  return calculateJwkThumbprint(await exportJWK(key));
}

/** The public half of an ES256 private key (the gateway's own notifications service verifies with it). */
export async function publicHalf(privateKey: KeyLike): Promise<KeyLike> {
  const { kty, crv, x, y } = await exportJWK(privateKey);
  return (await importJWK({ kty, crv, x, y }, ALGORITHM)) as KeyLike;
}
