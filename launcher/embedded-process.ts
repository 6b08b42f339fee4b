// `npm start`: all five subgraphs and the gateway in this process, from the environment.
import { busFromEnvironment } from '../core/bus-config';
import { dataDir, flag, port } from '../core/config';
import { logger } from '../core/logger';
import { SUBGRAPHS } from '../gateway/subgraph-list';
import { startEmbedded, type EmbeddedSystem } from './embedded';
import { host, keyOptions } from './environment';
import { frontEndOptions } from './front-ends';

/** All five subgraphs and the gateway in this process (`npm start`). */
export async function startEmbeddedProcess(): Promise<EmbeddedSystem> {
  const keys = keyOptions(SUBGRAPHS.map((s) => s.name));
  const system = await startEmbedded({ dataDir: dataDir(), host: host(), gatewayPort: port('PORT', 4000), introspection: !flag('DISABLE_INTROSPECTION'), bus: await busFromEnvironment(), keys, ...frontEndOptions() });
  logger.info({ url: system.gateway.url, dataDir: dataDir() }, 'DFDG gateway and five subgraphs are up');
  return system;
}
