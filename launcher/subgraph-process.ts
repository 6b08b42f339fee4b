// `npm start -- --subgraph person`: one subgraph as its own process (distributed mode). Only that
// subgraph's code is loaded: no gateway, no other subgraph.
import { busFromEnvironment } from '../core/bus-config';
import { InProcessBus } from '../core/bus';
import { systemClock } from '../core/clock';
import { dataDir, databaseTarget, port } from '../core/config';
import { identityVerificationKey, pseudonymKey } from '../core/key-sources';
import { logger } from '../core/logger';
import { startSubgraph } from '../core/subgraph-server';
import { host, keyOptions, servicePort, type Stop } from './environment';
import { loadSubgraphModule } from './modules';

/** One subgraph as its own process (`npm start -- --subgraph person`); only its code is loaded. */
export async function startSubgraphProcess(name: string): Promise<Stop> {
  const module = loadSubgraphModule(name);
  const keys = keyOptions([name]);
  const identityPublicKey = await identityVerificationKey(dataDir(), keys);
  const cprPseudonymKey = await pseudonymKey(dataDir(), keys);
  const bus = await busFromEnvironment();
  if (bus instanceof InProcessBus) logger.warn('EVENT_BUS is not nats: this subgraph will not hear the other subgraphs');
  const running = await startSubgraph(module, {
    host: host(),
    port: port('PORT', servicePort(name)),
    database: databaseTarget(name),
    bus,
    clock: systemClock,
    identityPublicKey,
    cprPseudonymKey,
  });
  logger.info({ url: running.url, subgraph: name }, 'subgraph is up');
  return async () => {
    await running.stop();
    await bus.close();
  };
}
