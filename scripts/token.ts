// `npm run token -- --role caseworker --authority 101 [--subject anna] [--hours 8]`: prints a client
// JWT signed with the embedded system's dev key, for local use only. It signs only with a key the
// running system already has: a key made here, in another folder, would sign tokens the gateway
// refuses as "invalid or expired" without saying why, so a missing key is named, not created
// (unless --new-key asks for one).
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir, optional } from '../core/config';
import { AUTHORITY_FORM, isRole, isValidAuthority, ROLES } from '../core/identity';
import { devClientSigningKey } from '../gateway/keys';
import { MAX_TOKEN_LIFETIME_SECONDS } from '../gateway/token-lifetime';
import { DEFAULT_TOKEN_HOURS, issueClientToken } from '../gateway/tokens';

const MAX_HOURS = MAX_TOKEN_LIFETIME_SECONDS / 3600;
/** Where `npm start` keeps its keys when DATA_DIR is unset, whatever folder this is run from. */
const CHECKOUT_DATA_DIR = path.resolve(__dirname, '..', 'data');
const KEY_FILE = path.join('keys', 'client-jwt.json');

const HELP = `Prints a client JWT for the embedded system (npm start), signed with its dev key.

usage: npm run -s token -- --role <role> --authority <authority> [--subject <name>] [--hours <n>] [--new-key]

  --role       ${ROLES.join(' | ')}
  --authority  caseworker: ${AUTHORITY_FORM.caseworker}
               akasse: ${AUTHORITY_FORM.akasse}
               analyst, system: STAR
  --subject    who the token names (JWT sub); default <role>-<authority>-<random>
  --hours      lifetime in hours, above 0 and at most ${MAX_HOURS} (the gateway refuses longer); default ${DEFAULT_TOKEN_HOURS}
  --new-key    create a key when the key folder has none (a system already running elsewhere refuses its tokens)
  --help       this text

The key is DATA_DIR/${KEY_FILE}; without DATA_DIR, ./data, else ${CHECKOUT_DATA_DIR} (where npm start keeps it).
The gateway accepts the token only when it runs on the same key folder and without JWT_JWKS_URL or JWT_PUBLIC_KEY.`;

/** A refusal with a message for the person at the terminal: printed alone, exit code 2. */
class UsageError extends Error {}

function lifetimeHours(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TOKEN_HOURS;
  const hours = Number(value);
  // The gateway refuses a token valid for longer (gateway/token-lifetime.ts): say so here, not at the first request.
  if (!(hours > 0 && hours <= MAX_HOURS)) throw new UsageError(`--hours must be a number above 0 and at most ${MAX_HOURS} (the gateway refuses longer-lived tokens); got "${value}".`);
  return hours;
}

/** The folder whose key the running system verifies with; a missing key is named, or made with --new-key. */
function keyFolder(newKey: boolean): string {
  const configured = optional('DATA_DIR');
  const candidates = configured ? [dataDir()] : [...new Set([dataDir(), CHECKOUT_DATA_DIR])];
  const found = candidates.find((dir) => fs.existsSync(path.join(dir, KEY_FILE)));
  if (found) {
    if (found !== dataDir()) console.error(`using the key in ${path.join(found, 'keys')} (the checkout's data folder, where npm start keeps it)`);
    return found;
  }
  if (newKey) {
    console.error(`warning: creating a new key in ${path.join(dataDir(), 'keys')}; a system already running on another folder refuses tokens signed with it`);
    return dataDir();
  }
  throw new UsageError(
    `No key at ${candidates.map((dir) => path.join(dir, KEY_FILE)).join(' or ')}.\n` +
      'A token signed with a new key would be refused by the running system. Set DATA_DIR to the folder `npm start` uses ' +
      '(it creates the key on first start), or pass --new-key to create one here for a system you start afterwards.',
  );
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, authority: { type: 'string' }, subject: { type: 'string' }, hours: { type: 'string' }, 'new-key': { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) return void console.log(HELP);
  const { role, authority } = values;
  if (!isRole(role)) throw new UsageError(`${role === undefined ? '--role is missing' : `--role "${role}" is not a role`}: use ${ROLES.join(', ')}.`);
  if (!isValidAuthority(role, authority)) {
    throw new UsageError(`${authority === undefined ? '--authority is missing' : `--authority "${authority}" does not fit --role ${role}`}: for --role ${role} it is ${AUTHORITY_FORM[role]}.`);
  }
  const hours = lifetimeHours(values.hours);
  for (const variable of ['JWT_JWKS_URL', 'JWT_PUBLIC_KEY']) {
    if (optional(variable)) console.error(`warning: ${variable} is set, so a gateway started with this environment verifies with that key and refuses this dev-key token`);
  }
  const key = await devClientSigningKey(keyFolder(Boolean(values['new-key'])));
  console.log(await issueClientToken(key, { role, authority, subject: values.subject, expiresIn: Math.round(hours * 3600) }));
}

main().catch((error: unknown) => {
  // A mistyped flag is parseArgs's TypeError with a code: its message is the whole story, no stack.
  const usage = error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(usage ? `${(error as Error).message}\nnpm run token -- --help lists the flags.` : `token: ${(error as Error).message}`);
  process.exit(2);
});
