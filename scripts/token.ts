// `npm run token -- --role caseworker --authority 101 [--subject anna] [--hours 8]`: prints a
// client JWT signed with the embedded dev key (DATA_DIR/keys), for local use only.
import { parseArgs } from 'node:util';
import { dataDir } from '../core/config';
import { isRole, isValidAuthority } from '../core/identity';
import { devClientSigningKey } from '../gateway/keys';
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
  const token = await issueClientToken(await devClientSigningKey(dataDir()), {
    role,
    authority,
    subject: values.subject,
    expiresIn: values.hours ? Number(values.hours) * 3600 : undefined,
  });
  console.log(token);
}

void main();
