// `npm run bench [-- notifications|gateway] [--subscribers 1000,10000]`: runs the benchmarks and
// prints their figures. docs/performance.md records what was measured, with this command.
import { parseArgs } from 'node:util';
import os from 'node:os';
import { benchNotifications } from './notifications';
import { printTable } from './stats';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { subscribers: { type: 'string' } } });
  const which = positionals.length ? positionals : ['notifications'];
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  if (which.includes('notifications')) {
    const counts = (values.subscribers ?? '1000,10000').split(',').map(Number);
    const rows = [];
    for (const subscribers of counts) {
      const f = await benchNotifications(subscribers);
      rows.push({
        subscribers: f.subscribers,
        'events (10/s)': f.events,
        'p50 ms': f.p50Ms,
        'p99 ms': f.p99Ms,
        'max ms': f.maxMs,
        'burst events': f.burstEvents,
        'notifications/s': f.notificationsPerSecond,
        'events/s': f.eventsPerSecond,
        'peak RSS MB (system)': f.peakRssMb,
      });
    }
    printTable('Notifications: commit-to-delivery latency and sustained throughput (embedded, SQLite, in-process bus)', rows);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
