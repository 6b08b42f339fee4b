// `npm run compose`: writes supergraph.graphql and the client schema (schema.graphql) from the
// subgraphs' schema files. Fails on composition errors; prints hints so a reviewer sees them in the
// diff's run. A breaking change to the client schema is refused, and nothing is written, unless
// run as `npm run compose -- --deliberate "<reason>"`, which logs it in docs/schema-changes.md.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { systemClock } from '../core/clock';
import { today } from '../core/dates';
import { CLIENT_SCHEMA_PATH } from '../gateway/client-schema';
import { composeSupergraph, SUPERGRAPH_PATH } from '../gateway/compose';
import { updateClientSchema } from '../gateway/schema-changes';

const SCHEMA_CHANGES_LOG = path.join(__dirname, '..', 'docs', 'schema-changes.md');

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { deliberate: { type: 'string' } } });
  const { supergraphSdl, clientSchemaSdl, hints } = composeSupergraph();
  for (const hint of hints) console.log(`hint ${hint}`);
  const result = await updateClientSchema({
    schemaPath: CLIENT_SCHEMA_PATH,
    logPath: SCHEMA_CHANGES_LOG,
    nextSdl: clientSchemaSdl,
    deliberate: values.deliberate,
    today: today(systemClock),
  });
  for (const change of result.dangerous) console.log(`dangerous ${change}`);
  if (!result.written) {
    console.error(`Refused: the client schema would break clients built on ${path.basename(CLIENT_SCHEMA_PATH)}:`);
    for (const change of result.breaking) console.error(`- ${change}`);
    console.error('Nothing was written. If this is intended, run: npm run compose -- --deliberate "<reason>"');
    process.exitCode = 1;
    return;
  }
  for (const change of result.breaking) console.log(`breaking (deliberate) ${change}`);
  fs.writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
  console.log(`wrote ${SUPERGRAPH_PATH} and ${CLIENT_SCHEMA_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
