// `npm start`: the whole system on embedded defaults (add `-- --seed` to load the demo data).
// `npm start -- --subgraph person`: one subgraph as its own process (distributed mode).
// `npm start -- --gateway`: the gateway alone, calling subgraphs at <NAME>_URL.
// What each process is made of is assembled in launcher/; only the chosen one's code is loaded.
import { parseArgs } from 'node:util';
import { ConfigError, dataDir } from '../core/config';
import { HEAP_FLAG, heapCeilingMissing } from '../core/heap';
import { DevKeyRefusedError } from '../core/key-policy';
import { logger } from '../core/logger';
import { startTelemetry, stopTelemetry } from '../core/telemetry';
import type { Stop } from '../launcher/environment';

/* eslint-disable @typescript-eslint/no-require-imports -- `require` loads one kind of process's code, not all three's (launcher/modules.ts says why not import()). */
const startSubgraphProcess = (name: string) => (require('../launcher/subgraph-process') as typeof import('../launcher/subgraph-process')).startSubgraphProcess(name);
const startGatewayProcess = () => (require('../launcher/gateway-process') as typeof import('../launcher/gateway-process')).startGatewayProcess();

async function runEmbedded(seed: boolean): Promise<Stop> {
  const { startEmbeddedProcess } = require('../launcher/embedded-process') as typeof import('../launcher/embedded-process');
  const { seedDemoData } = require('./seed-data') as typeof import('./seed-data');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const system = await startEmbeddedProcess();
  if (seed) await seedDemoData(system.gateway.url, dataDir());
  return () => system.stop();
}

async function main(): Promise<void> {
  if (heapCeilingMissing()) logger.warn(`started without ${HEAP_FLAG}: the old generation may grow to four times its live size (docs/performance.md)`);
  const { values } = parseArgs({ options: { seed: { type: 'boolean' }, subgraph: { type: 'string' }, gateway: { type: 'boolean' } } });
  // Before the process's own code is required: the HTTP instrumentation must see `http` loaded.
  if (startTelemetry(values.subgraph ?? (values.gateway ? 'gateway' : 'dfdg'))) logger.info('traces are exported (OTEL_* variables; docs/operations.md, "Traces")');
  const stop = values.subgraph ? await startSubgraphProcess(values.subgraph) : values.gateway ? await startGatewayProcess() : await runEmbedded(Boolean(values.seed));
  // SIGTERM (docker stop, systemd) or SIGINT: drain, let in-flight requests finish, exit 0. A
  // second signal while draining exits at once.
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'draining: no new requests, in-flight ones finish');
    process.once('SIGINT', () => process.exit(130));
    process.once('SIGTERM', () => process.exit(143));
    // The spans still buffered are exported once the servers have drained.
    stop()
      .then(() => stopTelemetry().catch((error: unknown) => logger.warn({ err: error }, 'the last spans could not be exported')))
      .then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'stopping failed');
          process.exit(1);
        },
      );
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  // A refused key or a wrong setting is the operator's to fix, not a crash: the message alone, naming the variable.
  if (error instanceof DevKeyRefusedError || error instanceof ConfigError) logger.fatal(error.message);
  else logger.error({ err: error }, 'start-up failed');
  process.exit(1);
});
