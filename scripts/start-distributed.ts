// `npm run start:distributed`: the distributed mode on one machine, to try it and for the end-to-end
// test. The five subgraphs and two gateway replicas each run as their own process (`npm start --
// --subgraph <name>` and `npm start -- --gateway`), on PostgreSQL (DATABASE_URL, one database per
// subgraph, created when missing) and NATS JetStream (NATS_URL). In production a supervisor of your
// own (systemd, Kubernetes) runs each of those processes instead (docs/operations.md, "Processes").
//
// A child that dies after it was up is reported and restarted a second later (the others go on
// serving, as they would beside a crashed pod); one that dies before it was ever up is a start that
// cannot work (a refused key, no database), so everything stops with exit code 1. SIGTERM or SIGINT
// is passed on to every child; this process exits 0 once all of them have drained and exited 0.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { inheritedEnvironment, optional, port } from '../core/config';
import { HEAP_FLAG } from '../core/heap';
import { logger } from '../core/logger';
import { host, servicePort } from '../launcher/environment';
import { DOMAIN_SUBGRAPHS } from '../launcher/modules';

/** Gateway replica n (from 0) listens on PORT + n × this, its notifications service on NOTIFICATIONS_PORT + n × this. */
export const REPLICA_PORT_STEP = 10;
export const GATEWAY_REPLICAS = 2;
const RESTART_DELAY_MS = 1_000;
const START_TIMEOUT_MS = 120_000;

interface Child {
  name: string;
  args: string[];
  env: Record<string, string>;
  /** Where it answers /health once it listens. */
  base: string;
  process?: ChildProcess;
  up: boolean;
  exited?: Promise<number | null>;
}

let stopping = false;
const children: Child[] = [];

/** Where another process on this machine reaches one listening on `HOST`. */
function reachableHost(): string {
  const bound = host();
  return bound === '0.0.0.0' || bound === '::' ? '127.0.0.1' : bound;
}

function spawnChild(child: Child): void {
  // From the checkout through tsx; built (`npm run build:dist`), the compiled start.js beside this file.
  const script = __filename.endsWith('.js') ? [path.join(__dirname, 'start.js')] : ['--import', 'tsx', path.join(__dirname, 'start.ts')];
  const proc = spawn(process.execPath, [HEAP_FLAG, ...script, ...child.args], {
    // This process's working directory (DATA_DIR and the like are relative to it), and tsx found from it.
    env: { ...inheritedEnvironment(), EVENT_BUS: 'nats', ...child.env },
    // Its own process group: a Ctrl-C in the terminal reaches this process only, which passes one
    // SIGINT on (a second signal would make a draining child exit at once).
    detached: true,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  child.process = proc;
  child.up = false;
  // A child stopped by our SIGTERM before it was up had nothing to drain: that is a clean stop too.
  child.exited = new Promise((resolve) => proc.once('exit', (code, signal) => resolve(code ?? (signal === 'SIGTERM' && stopping && !child.up ? 0 : 128))));
  logger.info({ process: child.name, pid: proc.pid }, 'process started');
  void child.exited.then((code) => onExit(child, proc, code));
}

function onExit(child: Child, proc: ChildProcess, code: number | null): void {
  if (stopping || child.process !== proc) return;
  if (!child.up) {
    logger.fatal({ process: child.name, code }, 'process exited before it was up: stopping everything');
    void stopAll(1);
    return;
  }
  // Exit 0 is a drain someone else asked for (a SIGTERM to that process alone); anything else a crash.
  const level = code === 0 ? 'warn' : 'error';
  logger[level]({ process: child.name, pid: proc.pid, code, signal: proc.signalCode }, `process exited: restarting it in ${RESTART_DELAY_MS} ms`);
  setTimeout(() => {
    if (stopping) return;
    spawnChild(child);
    waitUntilUp(child).then(
      () => logger.info({ process: child.name, pid: child.process?.pid, url: `${child.base}/graphql` }, 'process restarted'),
      () => undefined, // onExit has reported it
    );
  }, RESTART_DELAY_MS);
}

/** Resolves once the child answers /health; rejects if it exits first. */
async function waitUntilUp(child: Child): Promise<void> {
  const proc = child.process!;
  const deadline = Date.now() + START_TIMEOUT_MS;
  let gone = false;
  void child.exited!.then(() => (gone = true));
  while (!gone && Date.now() < deadline) {
    const answered = await fetch(`${child.base}/health`).then((r) => r.ok, () => false);
    if (answered && child.process === proc) {
      child.up = true;
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (!gone) {
    logger.fatal({ process: child.name }, `process not up within ${START_TIMEOUT_MS} ms: stopping everything`);
    void stopAll(1);
  }
  throw new Error(`${child.name} did not come up`);
}

async function start(child: Child): Promise<void> {
  children.push(child);
  spawnChild(child);
  await waitUntilUp(child);
}

/** SIGTERM to every child still running, then exit: 0 when every one drained and exited 0. */
async function stopAll(failure: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  const running = children.filter((c) => c.process && c.process.exitCode === null && c.process.signalCode === null);
  for (const child of running) child.process!.kill('SIGTERM');
  const codes = await Promise.all(running.map(async (c) => [c.name, await c.exited] as const));
  const failed = codes.filter(([, code]) => code !== 0);
  if (failed.length > 0) logger.error({ failed: Object.fromEntries(failed) }, 'processes exited with an error');
  process.exit(failure !== 0 ? failure : failed.length > 0 ? 1 : 0);
}

async function main(): Promise<void> {
  if (!optional('DATABASE_URL')) {
    logger.fatal('start:distributed needs DATABASE_URL (a PostgreSQL server; each subgraph gets its own database on it) and NATS_URL (default 127.0.0.1:4222)');
    process.exit(1);
  }
  const shutdown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, 'passing the signal on: every process drains, then this one exits');
    // A second signal: stop at once.
    const now = () => {
      for (const child of children) child.process?.kill('SIGKILL');
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', now);
    process.once('SIGTERM', now);
    void stopAll(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);

  const bindHost = host();
  const reach = reachableHost();
  const subgraphs = DOMAIN_SUBGRAPHS.map((name): Child => ({
    name,
    args: ['--subgraph', name],
    env: { PORT: String(servicePort(name)) },
    base: `http://${reach}:${servicePort(name)}`,
    up: false,
  }));
  // One first: with generated dev keys (ALLOW_DEV_KEYS) it writes them before the others read them.
  await start(subgraphs[0]);
  await Promise.all(subgraphs.slice(1).map(start));
  const subgraphUrls = Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, `${s.base}/graphql`]));
  const gatewayPort = port('PORT', 4000);
  const notificationsPort = servicePort('notifications');
  const gateways: Child[] = [];
  // One after the other: the replicas share the notifications database, whose migrations one runs first.
  for (let n = 0; n < GATEWAY_REPLICAS; n++) {
    const gateway: Child = {
      name: `gateway-${n + 1}`,
      args: ['--gateway'],
      env: { ...subgraphUrls, PORT: String(gatewayPort + n * REPLICA_PORT_STEP), NOTIFICATIONS_PORT: String(notificationsPort + n * REPLICA_PORT_STEP) },
      base: `http://${reach}:${gatewayPort + n * REPLICA_PORT_STEP}`,
      up: false,
    };
    gateways.push(gateway);
    await start(gateway);
  }
  logger.info(
    {
      host: bindHost,
      gateways: gateways.map((g) => `${g.base}/graphql`),
      subgraphs: Object.fromEntries(subgraphs.map((s) => [s.name, `${s.base}/graphql`])),
      pids: Object.fromEntries(children.map((c) => [c.name, c.process?.pid])),
    },
    'distributed mode is up: two gateway replicas and five subgraphs',
  );
}

main().catch((error: unknown) => {
  logger.error({ err: error }, 'start-up failed');
  void stopAll(1);
});
