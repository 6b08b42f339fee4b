// `npm run token -- --role caseworker --authority 101 [--subject anna] [--hours 8]`: prints a
// client JWT signed with the embedded dev key (DATA_DIR/keys), for local use only.
import { parseArgs } from 'node:util';
import { dataDir } from '../core/config';
import { isRole, isValidAuthority } from '../core/identity';
import { devClientSigningKey } from '../gateway/keys';
import { MAX_TOKEN_LIFETIME_SECONDS } from '../gateway/token-lifetime';
import { issueClientToken } from '../gateway/tokens';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { role: { type: 'string' }, authority: { type: 'string' }, subject: { type: 'string' }, hours: { type: 'string' } },
  });
  const { role, authority } = values;
  if (!isRole(role) || !isValidAuthority(role, authority)) {
    console.error('usage: npm run token -- --role caseworker|akasse|analyst|system --authority <municipality code | a-kasse number | STAR>');
    process.exit(2);
  }
  const hours = values.hours === undefined ? undefined : Number(values.hours);
  const maxHours = MAX_TOKEN_LIFETIME_SECONDS / 3600;
  if (hours !== undefined && !(hours > 0 && hours <= maxHours)) {
    // The gateway refuses a token valid for longer (gateway/token-lifetime.ts): say so here, not at the first request.
    console.error(`--hours must be a number above 0 and at most ${maxHours} (the gateway refuses longer-lived tokens); got "${values.hours}".`);
    process.exit(2);
  }
  const token = await issueClientToken(await devClientSigningKey(dataDir()), {
    role,
    authority,
    subject: values.subject,
    expiresIn: hours === undefined ? undefined : Math.round(hours * 3600),
  });
  console.log(token);
}

void main();
