// A subgraph process killed with SIGKILL in the middle of consuming, and started again: its
// projection catches up to every event published meanwhile, in order, including the one the dead
// process held unacknowledged. The absence subgraph runs as its own process (launcher/subgraph-
// process.ts, as in production); the person subgraph whose events it consumes runs in this one.
// Runs when TEST_DATABASE_URL and TEST_NATS_URL are set (.ci/run sets both).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { connect } from 'nats';
import { ManualClock } from '../core/clock';
import { dropPostgresDatabase } from '../core/db';
import { IDENTITY_HEADER, IdentityTokenIssuer } from '../core/identity-token';
import { identitySigningKey, identityVerificationKey, pseudonymKey } from '../core/key-sources';
import { NatsBus } from '../core/nats-bus';
import { startSubgraph, type RunningSubgraph } from '../core/subgraph-server';
import { loadSubgraphModule } from '../launcher/modules';
import { startProcess, type StartedProcess } from './support/start-process';
import { errorCodes, eventually, postGraphQL } from './support/system';

const describeDistributed = process.env.TEST_NATS_URL && process.env.TEST_DATABASE_URL ? describe : describe.skip;
const BEFORE_KILL = 30;
const WHILE_DOWN = 20;
/** Contact-group registrations of one person while absence is down, in the order they are made. */
const REGISTRATIONS = [
  { contactGroupId: 2, start: '2026-01-05' },
  { contactGroupId: 1, start: '2026-03-02' },
  { contactGroupId: 2, start: '2026-05-04' },
  { contactGroupId: 1, start: '2026-07-06' },
];

describeDistributed('crash catch-up (PostgreSQL + JetStream, separate processes)', () => {
  const suffix = randomBytes(4).toString('hex');
  const namespace = `t${suffix}`;
  // The body is collected even when the suite is skipped (no PostgreSQL or NATS): touch nothing then.
  const enabled = Boolean(process.env.TEST_DATABASE_URL && process.env.TEST_NATS_URL);
  const dataDir = enabled ? fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-crash-')) : '';
  const databaseUrl = (name: string) => (enabled ? Object.assign(new URL(process.env.TEST_DATABASE_URL!), { pathname: `/dfdg_test_${name}_${suffix}` }).toString() : '');
  const env = {
    DATA_DIR: dataDir,
    ABSENCE_DATABASE_URL: databaseUrl('absence'),
    EVENT_BUS: 'nats',
    NATS_URL: process.env.TEST_NATS_URL!,
    NATS_NAMESPACE: namespace,
    ALLOW_DEV_KEYS: 'true',
    PORT: '0',
  };
  let bus: NatsBus;
  let person: RunningSubgraph;
  let absence: StartedProcess | undefined;
  let issuer: IdentityTokenIssuer;

  beforeAll(async () => {
    // Keys made here first, so the absence process finds them in DATA_DIR rather than racing to make its own.
    const identityPublicKey = await identityVerificationKey(dataDir);
    issuer = new IdentityTokenIssuer(await identitySigningKey(dataDir));
    bus = await NatsBus.connect({ servers: process.env.TEST_NATS_URL!, namespace });
    person = await startSubgraph(loadSubgraphModule('person'), {
      host: '127.0.0.1',
      port: 0,
      database: { kind: 'postgresql', location: databaseUrl('person') },
      bus,
      clock: new ManualClock('2026-11-23T09:00:00Z'),
      identityPublicKey,
      cprPseudonymKey: await pseudonymKey(dataDir),
      scheduledJobs: false,
    });
  });

  afterAll(async () => {
    if (absence?.child.exitCode === null) await absence.stop();
    await person?.stop();
    await bus?.close();
    const nats = await connect({ servers: process.env.TEST_NATS_URL });
    await (await nats.jetstreamManager()).streams.delete(`${namespace}_DFDG_EVENTS`).catch(() => undefined);
    await nats.close();
    for (const name of ['person', 'absence']) await dropPostgresDatabase(databaseUrl(name));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function write(query: string, variables: Record<string, unknown>): Promise<void> {
    const identity = await issuer.mint({ subject: 'test-system-STAR', role: 'system', authority: 'STAR' }, 'person');
    const response = await postGraphQL(person.url, query, variables, { [IDENTITY_HEADER]: identity });
    expect(errorCodes(response)).toEqual([]);
  }
  const upsert = (cpr: string) => write('mutation($i: UpsertPersonInput!) { upsertPerson(input: $i) { id } }', { i: { cpr, name: `Crash ${cpr}`, municipalityCode: '101' } });
  const cprOf = (i: number) => `0303${String(800000 + i)}`;

  /** What the absence subgraph's database holds: the operator's view of its projection. */
  async function absenceProjection(): Promise<{ offset: number; cprs: string[]; timeline: { contactGroupId: number; start: string }[] }> {
    const db = new Client({ connectionString: databaseUrl('absence') });
    await db.connect();
    try {
      const offset = await db.query<{ last_position: string }>("select last_position from consumer_offset where consumer = 'absence.person-directory' and stream = 'person'");
      const known = await db.query<{ cpr: string; contact_groups: { contactGroupId: number; start: string }[] }>('select cpr, contact_groups from known_person order by cpr');
      const last = known.rows.find((row) => row.cpr === cprOf(0));
      return {
        offset: Number(offset.rows[0]?.last_position ?? 0),
        cprs: known.rows.map((row) => row.cpr),
        timeline: (last?.contact_groups ?? []).map(({ contactGroupId, start }) => ({ contactGroupId, start })),
      };
    } finally {
      await db.end();
    }
  }

  const personStreamHead = async () => Number((await person.orm.em.fork().getConnection().execute<{ last_position: string }[]>("select last_position from stream_state where name = 'person'"))[0].last_position);

  it('catches up after SIGKILL to everything published meanwhile, in order, the held message included', async () => {
    absence = startProcess({ args: ['--subgraph', 'absence'], env });
    await absence.waitForLog('subgraph is up');

    // A burst, killed while the absence process is part way through consuming it.
    const burst = Promise.all(Array.from({ length: BEFORE_KILL }, (_, i) => upsert(cprOf(i))));
    await eventually(async () => {
      if ((await absenceProjection()).offset < 3) throw new Error('not consuming yet');
    });
    absence.child.kill('SIGKILL');
    await absence.exited;
    await burst;
    const atKill = await absenceProjection();

    // While it is down: new persons, and one person's contact group registered four times.
    for (let i = BEFORE_KILL; i < BEFORE_KILL + WHILE_DOWN; i++) await upsert(cprOf(i));
    for (const registration of REGISTRATIONS) await write('mutation($i: ChangeContactGroupInput!) { changeContactGroup(input: $i) { id } }', { i: { cpr: cprOf(0), ...registration } });
    const head = await personStreamHead();
    expect(atKill.offset).toBeLessThan(head);

    absence = startProcess({ args: ['--subgraph', 'absence'], env });
    await absence.waitForLog('subgraph is up');
    await eventually(async () => {
      if ((await absenceProjection()).offset < head) throw new Error('behind');
    }, 30_000);

    // Complete and in order: the consumer skips an event older than its position, so an event
    // applied out of order would leave a person or a registration missing here.
    const caughtUp = await absenceProjection();
    expect(caughtUp.offset).toBe(head);
    expect(caughtUp.cprs).toEqual(Array.from({ length: BEFORE_KILL + WHILE_DOWN }, (_, i) => cprOf(i)).sort());
    expect(caughtUp.timeline).toEqual(REGISTRATIONS);
  });
});
