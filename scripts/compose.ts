// `npm run compose`: writes supergraph.graphql from the subgraphs' schema files. Fails on
// composition errors; prints hints so a reviewer sees them in the diff's run.
import fs from 'node:fs';
import { composeSupergraph, SUPERGRAPH_PATH } from '../gateway/compose';

const { supergraphSdl, hints } = composeSupergraph();
fs.writeFileSync(SUPERGRAPH_PATH, supergraphSdl);
for (const hint of hints) console.log(`hint ${hint}`);
console.log(`wrote ${SUPERGRAPH_PATH}`);
