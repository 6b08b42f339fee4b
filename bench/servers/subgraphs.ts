// Benchmark process: the five subgraphs (and notifications) on free ports over one data folder,
// counting SQL statements per subgraph so the runner can check that a list query's statement
// count stays flat as the list grows. Talks to the runner over IPC.
import { startEmbeddedSubgraphs } from '../../launcher/embedded';

const dataDir = process.argv[2];
const counts: Record<string, number> = {};

async function main(): Promise<void> {
  const running = await startEmbeddedSubgraphs({
    dataDir,
    subgraphPorts: 'random',
    onQuery: (subgraph, sql) => {
      // Transaction control is not a lookup; count the statements that read or write data. The
      // outbox relay polls once a second on a timer: its statements belong to no request, and a
      // slower request would otherwise seem to cost more statements only because it took longer.
      if (/^\s*(begin|commit|rollback|savepoint|release|pragma)\b/i.test(sql)) return;
      if (/\b(outbox_event|stream_state)\b/.test(sql)) return;
      counts[subgraph] = (counts[subgraph] ?? 0) + 1;
    },
  });
  process.on('message', (message: { type: string }) => {
    if (message.type === 'sql-reset') {
      for (const key of Object.keys(counts)) delete counts[key];
      process.send?.({ type: 'sql-reset' });
    }
    if (message.type === 'sql-counts') process.send?.({ type: 'sql-counts', counts: { ...counts } });
    if (message.type === 'stop') void running.stop().then(() => process.exit(0));
  });
  process.send?.({ type: 'ready', urls: Object.fromEntries(running.subgraphs.map((s) => [s.name, s.url])) });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
