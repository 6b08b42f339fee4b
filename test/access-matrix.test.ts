// Runs every root operation of the composed API schema as every kind of caller and checks allow or
// deny against the access matrix (test/access/matrix.ts, docs/access.md). An operation without a
// row fails the first test. "Allow" means the operation succeeded (no errors, an answer), so a
// domain error cannot pass as access; "deny" means FORBIDDEN or UNAUTHENTICATED (or, where the
// rule is that outsiders must not learn something exists, NOT_FOUND or null; or a refusal code the
// row names). Each mutation run gets a fresh fixture; the runs go 6 at a time before the tests.
import { Supergraph } from '@apollo/federation-internals';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { composeSupergraph } from '../gateway/compose';
import { CALLER_KEYS, DESCRIBE, type CallerKey } from './access/fixtures';
import { callerFor, MATRIX, type MatrixEntry, type Outcome } from './access/matrix';
import { errorCodes, startTestSystem, type GraphQLResponse, type TestSystem } from './support/system';

const PARALLEL_RUNS = 6;
const DENIAL_CODES = ['FORBIDDEN', 'UNAUTHENTICATED'];
const HIDDEN_CODES = ['NOT_FOUND'];

interface RunResult {
  /** 'allow' / 'deny' when the answer is clearly one of them, else what went wrong. */
  outcome: Outcome | 'unexpected';
  detail: string;
}

let t: TestSystem;
const results = new Map<string, RunResult>();
const keyOf = (entry: MatrixEntry, caller: CallerKey) => `${entry.operation} ${caller}`;

/** The operation's root field as `Type.field`; the request must run exactly that one field. */
function rootOperation(query: string): string {
  const operations = parse(query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const fields = operations.flatMap((o) => o.selectionSet.selections.map((s) => (s.kind === Kind.FIELD && !s.alias ? `${o.operation === 'query' ? 'Query' : o.operation === 'mutation' ? 'Mutation' : 'Subscription'}.${s.name.value}` : '?')));
  return fields.length === 1 ? fields[0] : `several root fields: ${fields.join(', ')}`;
}

function classify(entry: MatrixEntry, response: GraphQLResponse): RunResult {
  const codes = errorCodes(response).map(String);
  const field = entry.operation.split('.')[1];
  const value = response.data ? response.data[field] : undefined;
  const detail = `status ${response.status}, codes [${codes.join(', ')}], ${response.errors ? `errors ${JSON.stringify(response.errors.map((e) => e.message))}` : `data ${JSON.stringify(response.data)}`}`;
  if (codes.some((c) => DENIAL_CODES.includes(c) || entry.denyCodes?.includes(c))) return { outcome: 'deny', detail };
  if (entry.hidden && (codes.some((c) => HIDDEN_CODES.includes(c)) || (!response.errors && value === null))) return { outcome: 'deny', detail };
  if (!response.errors && value !== undefined && value !== null) return { outcome: 'allow', detail };
  return { outcome: 'unexpected', detail };
}

async function run(entry: MatrixEntry, caller: CallerKey): Promise<RunResult> {
  let prepared;
  try {
    prepared = await entry.prepare(t, caller);
  } catch (error) {
    return { outcome: 'unexpected', detail: `fixture failed: ${(error as Error).message}` };
  }
  const root = rootOperation(prepared.query);
  if (root !== entry.operation) return { outcome: 'unexpected', detail: `the row's request runs ${root}, not ${entry.operation}` };
  return classify(entry, await t.gql(prepared.query, prepared.variables ?? {}, callerFor(entry, caller)));
}

/** Runs the jobs `limit` at a time. */
async function pool<T>(jobs: T[], limit: number, work: (job: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < jobs.length) await work(jobs[next++]);
    }),
  );
}

beforeAll(async () => {
  t = await startTestSystem();
  const jobs = MATRIX.flatMap((entry) => CALLER_KEYS.map((caller) => ({ entry, caller })));
  // Rows whose fixture moves the shared clock run alone first: in parallel, two of them would each
  // restore the other's moved clock, and every other row would run on the wrong day.
  for (const { entry, caller } of jobs.filter((job) => job.entry.movesClock)) results.set(keyOf(entry, caller), await run(entry, caller));
  await pool(
    jobs.filter((job) => !job.entry.movesClock),
    PARALLEL_RUNS,
    async ({ entry, caller }) => {
      results.set(keyOf(entry, caller), await run(entry, caller));
    },
  );
}, 180_000);
afterAll(async () => {
  if (!t) return;
  // Stop the outbox relays' polling and let a drain in progress finish before the databases close:
  // a drain caught by the shutdown leaves PostgreSQL connection requests waiting a minute.
  for (const subgraph of t.system.subgraphs) subgraph.relay.stop();
  await Promise.all(t.system.subgraphs.map((s) => s.relay.drain()));
  await t.stop();
});

it('has a matrix row for every root operation of the composed schema, and none for an operation that does not exist', () => {
  const schema = Supergraph.build(composeSupergraph().supergraphSdl).apiSchema().toGraphQLJSSchema();
  const composed = [schema.getQueryType(), schema.getMutationType()].flatMap((type) => (type ? Object.keys(type.getFields()).map((f) => `${type.name}.${f}`) : []));
  const rows = MATRIX.map((e) => e.operation);
  const duplicates = rows.filter((op, i) => rows.indexOf(op) !== i);
  const missing = composed.filter((op) => !rows.includes(op)).sort();
  const extra = rows.filter((op) => !composed.includes(op)).sort();
  expect({ missingFromMatrix: missing, notInSchema: extra, duplicateRows: duplicates }).toEqual({ missingFromMatrix: [], notInSchema: [], duplicateRows: [] });
});

describe.each(MATRIX.map((entry) => [entry.operation, entry] as const))('%s', (operation, entry) => {
  for (const caller of CALLER_KEYS) {
    const expected = entry.expect[caller];
    const bug = entry.knownBug?.[caller];
    const name = `${operation} as ${DESCRIBE[caller]} is ${expected === 'allow' ? 'allowed' : 'denied'}`;
    const check = () => {
      const result = results.get(keyOf(entry, caller));
      const actual = result?.outcome === expected ? expected : `${result?.outcome ?? 'not run'} (${result?.detail ?? ''})`;
      expect(actual).toBe(expected);
    };
    if (bug) it.failing(`${name} [KNOWN BUG: ${bug}]`, check);
    else it(name, check);
  }
});
