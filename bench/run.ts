// `npm run bench [-- floor [--profile file.cpuprofile]|notifications|gateway|as-of|heap|scale|distributed|delivery [--modes embedded,distributed]] [--subscribers 1000,10000]`: runs the benchmarks and
// prints their figures. docs/performance.md records what was measured, with this command.
import { parseArgs } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { benchAsOf } from './as-of';
import { benchDelivery } from './delivery';
import { benchDistributed } from './distributed';
import { benchFloor } from './floor';
import { benchGateway } from './gateway';
import { benchScale } from './scale';
import { benchHeap } from './heap';
import { benchNotifications } from './notifications';
import { printTable } from './stats';

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { rounds: { type: 'string' }, subscribers: { type: 'string' }, persons: { type: 'string' }, seconds: { type: 'string' }, connections: { type: 'string' }, writes: { type: 'string' }, 'no-hive': { type: 'boolean' }, 'scale-persons': { type: 'string' }, modes: { type: 'string' }, profile: { type: 'string' } } });
  const which = positionals.length ? positionals : ['floor', 'gateway', 'as-of', 'notifications'];
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, node ${process.version}`);
  if (which.includes('floor')) {
    // In this process: the embedded system as `npm start` runs it, and the floor beside it.
    const f = await benchFloor({ persons: Number(values.persons ?? 300), overviews: Number(values.rounds ?? 600), lists: 20, profile: values.profile });
    const ratio = f.systemMsPerOverview / f.floorMsPerOverview;
    printTable('CPU per request, embedded system (one process) vs the raw-SQL floor, caseworker of jobcentre 101, sequential', [
      { measure: 'CPU ms per person overview, varying persons, whole system', figure: f.systemMsPerOverview.toFixed(2), target: '' },
      { measure: `CPU ms of the same overview as raw SQL (${f.statementsPerOverview.toFixed(1)} statements, prepared once)`, figure: f.floorMsPerOverview.toFixed(3), target: '' },
      { measure: 'ratio system ÷ floor', figure: `${ratio.toFixed(1)}×`, target: `≤ 15× (${ratio <= 15 ? 'met' : 'not met'})` },
      { measure: 'statements whose text an earlier one had (a prepare cache keyed by text could reuse them)', figure: `${(100 * f.repeatedTextShare).toFixed(1)} %`, target: '' },
      { measure: 'CPU ms per listed person, caseworker list of 100', figure: f.listMsPerPerson.toFixed(3), target: `≤ 0.3 ms (${f.listMsPerPerson <= 0.3 ? 'met' : 'not met'})` },
    ]);
    if (f.profileSummary.length) printTable(`CPU profile of the timed overviews (${values.profile}), self time by package`, f.profileSummary.slice(0, 15).map((p) => ({ part: p.part, '%': p.percent })));
  }
  if (which.includes('gateway')) {
    // Every gateway and the monolith run as compiled JavaScript, as in production.
    execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'scripts', 'build-dist.ts')], { stdio: 'inherit' });
    const result = await benchGateway({
      persons: Number(values.persons ?? 1000),
      seconds: Number(values.seconds ?? 10),
      connections: Number(values.connections ?? 20),
      writesPerSecond: Number(values.writes ?? 20),
      hive: !values['no-hive'],
    });
    const ours = (workload: string) => result.figures.find((f) => f.target === 'ours' && f.workload === workload)!;
    printTable(
      'Gateway workloads through HTTP with a caseworker token (autocannon)',
      result.figures.map((f) => ({
        workload: f.workload,
        target: f.target,
        'req/s': f.requestsPerSecond,
        'p50 ms': f.p50Ms,
        'p99 ms': f.p99Ms,
        errors: f.errors,
        'ours / this': f.target === 'ours' ? '' : (ours(f.workload).requestsPerSecond / f.requestsPerSecond).toFixed(2),
      })),
    );
    printTable('Peak memory (VmHWM of the process tree)', Object.entries(result.memoryMb).map(([target, mb]) => ({ target, 'peak MB': mb })));
    console.log(`\nOur gateway's own overhead (total − time waiting on subgraphs), workload 1, p50: ${result.overheadP50Ms} ms`);
    console.log(
      `Workload 3, writes through our gateway during every timed run but the monolith's: ${result.writes.perSecond}/s target, ${result.writes.count} writes, p50 ${result.writes.p50Ms} ms, p99 ${result.writes.p99Ms} ms, ${result.writes.errors} refused`,
    );
    console.log(`Workload 3 during the monolith's runs, to the monolith: ${result.writes.monolithCount} writes, ${result.writes.monolithErrors} refused`);
    if (result.sqlPerListSize.length) {
      printTable('SQL statements per caseworker-list request, by subgraph', result.sqlPerListSize.map((r) => ({ 'list size': r.size, ...r.statements })));
    }
  }
  if (which.includes('as-of')) {
    // The person overview as of a day beside today's, alternating rounds on one set of processes.
    execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'scripts', 'build-dist.ts')], { stdio: 'inherit' });
    const result = await benchAsOf({ persons: Number(values.persons ?? 1000), seconds: Number(values.seconds ?? 10), connections: Number(values.connections ?? 20), rounds: Number(values.rounds ?? 2) });
    printTable(
      `Person overview (varying persons) through our gateway: today's read and as of ${result.day}, alternating`,
      result.figures.map((f) => ({ read: f.read, round: f.round, 'req/s': f.requestsPerSecond, 'p50 ms': f.p50Ms, 'p99 ms': f.p99Ms, errors: f.errors })),
    );
    const verdict = result.throughputRatio <= 1.5 ? 'within' : 'OVER';
    console.log(`\nAs-of read vs today's: today's req/s ÷ as-of req/s = ${result.throughputRatio} (${verdict} the 1.5× target); as-of p50 ÷ today's p50 = ${result.p50Ratio}`);
  }
  if (which.includes('heap')) {
    // Not in the default run: the measurement behind core/heap.ts's ceiling.
    execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'scripts', 'build-dist.ts')], { stdio: 'inherit' });
    const figures = await benchHeap({ persons: Number(values.persons ?? 1000), seconds: Number(values.seconds ?? 15), connections: Number(values.connections ?? 20), rounds: Number(values.rounds ?? 2) });
    printTable(
      'Our gateway alone, caseworker list (100 persons), by V8 heap setting',
      figures.map((f) => ({ setting: f.setting, round: f.round, 'req/s': f.requestsPerSecond, 'p99 ms': f.p99Ms, 'peak MB (VmHWM)': f.peakMb, 'old space peak MB': f.oldSpacePeakMb, 'new space peak MB': f.newSpacePeakMb })),
    );
  }
  if (which.includes('scale')) {
    // PostgreSQL on loopback (BENCH_DATABASE_URL); not in the default run: generating takes minutes.
    execFileSync(process.execPath, ['--import', 'tsx', path.join(__dirname, '..', 'scripts', 'build-dist.ts')], { stdio: 'inherit' });
    const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
    const figures = await benchScale(base, Number(values['scale-persons'] ?? 1_000_000), Number(values.seconds ?? 10));
    printTable(
      'Workload 1 (person overview, varying persons) through our gateway on PostgreSQL, by data size',
      figures.map((f) => ({ persons: f.persons, 'generated in s': f.generateSeconds.toFixed(0), 'req/s': f.requestsPerSecond, 'p50 ms': f.p50Ms, 'p99 ms': f.p99Ms })),
    );
  }
  if (which.includes('distributed')) {
    // Separate processes on PostgreSQL and JetStream on loopback (BENCH_DATABASE_URL, BENCH_NATS_URL); not in the default run.
    const f = await benchDistributed({ samples: Number(values.rounds ?? 300) });
    printTable('Distributed mode (five subgraph processes and the gateway, PostgreSQL + JetStream): read your own writes', [
      { figure: 'commit → visible in another subgraph', 'p50 ms': f.visibleP50Ms, 'p99 ms': f.visibleP99Ms, target: 'p99 ≤ 50 ms' },
      { figure: 'commit → notification delivered', 'p50 ms': f.notifiedP50Ms, 'p99 ms': f.notifiedP99Ms, target: 'p99 ≤ 100 ms' },
    ]);
    console.log(`\nupsertPerson round trip through the gateway: p50 ${f.mutationP50Ms} ms, p99 ${f.mutationP99Ms} ms; published → visible p99 ${f.publishedToVisibleP99Ms} ms`);
    console.log(`${f.samples} samples. Dependent write in another subgraph right after the response: ${f.dependentWritesRefused} refused, p99 ${f.dependentWriteP99Ms} ms`);
    console.log(`After SIGKILL of the absence process and ${f.catchUpEvents} events published while it was down: caught up ${f.catchUpMs} ms after it was up again (target ≤ 2000 ms)`);
  }
  if (which.includes('delivery')) {
    // Embedded, then distributed (PostgreSQL and JetStream on loopback: BENCH_DATABASE_URL, BENCH_NATS_URL); `--modes embedded` for one.
    const rows = [];
    for (const mode of (values.modes ?? 'embedded,distributed').split(',') as ('embedded' | 'distributed')[]) {
      const f = await benchDelivery({ seconds: Number(values.seconds ?? 20), mode });
      rows.push({ mode: f.mode, 'healthy endpoints': f.healthy, 'failing endpoints': f.failing, 'events (10/s)': f.events, deliveries: f.deliveries, duplicates: f.duplicates, 'p50 ms': f.p50Ms, 'p99 ms': f.p99Ms, 'max ms': f.maxMs, target: f.mode === 'embedded' ? 'p99 ≤ 200 ms' : 'p99 ≤ 300 ms' });
    }
    printTable('Push delivery: commit → receiver latency, 100 healthy endpoints while 10 fail', rows);
  }
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
