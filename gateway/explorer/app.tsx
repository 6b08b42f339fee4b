// The analysts' explorer: GraphiQL with a sign-in field, ready-made aggregate queries, and each
// answer as a table (with CSV download) and, for an aggregate, a bar chart under the raw JSON.
// Bundled by esbuild into the gateway's own assets (bundle.ts), so it works on a machine with no
// internet and loads nothing from a CDN.
import { useMemo, useState, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { GraphQLError, Kind, parse, type OperationDefinitionNode } from 'graphql';
import { decodeJwt } from 'jose';
import 'graphiql/graphiql.css';
import { examples, type Example } from './examples';
import { barsOf, describeError, dimensionsOf, isAggregate, tablesOf, toCsv, type GraphQLErrorLike, type Table } from './results';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];
type FetcherResult = Awaited<ReturnType<Fetcher>>;
type FetcherParams = Parameters<Fetcher>[0];

interface Answer {
  data?: unknown;
  errors?: GraphQLErrorLike[];
}

const TOKEN_KEY = 'dfdg-explorer-token';
/** A page shows this many rows; the CSV holds them all. */
const SHOWN_ROWS = 500;

/** Today in Copenhagen: the examples' dates count from the day the analyst works on. */
const EXAMPLES = examples(new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(new Date()));

function claimsOf(token: string): { role?: unknown; authority?: unknown; exp?: number } | null {
  try {
    return decodeJwt(token);
  } catch {
    return null;
  }
}

/** What the sign-in field says about the token: read for display only, the gateway checks it. */
function signInStatus(token: string): string {
  if (!token) return 'Not signed in: every query is refused until you paste your access token.';
  const claims = claimsOf(token);
  if (!claims) return 'This is not an access token. A token is three parts separated by dots and starts with "eyJ".';
  const until = claims.exp ? new Date(claims.exp * 1000).toLocaleString('da-DK', { timeZone: 'Europe/Copenhagen' }) : 'no expiry';
  if (claims.exp && claims.exp * 1000 < Date.now()) return `This token expired at ${until}: ask for a new one.`;
  return `Signed in as ${String(claims.role)} (${String(claims.authority)}), valid until ${until}.`;
}

function noSchemaMessage(role: string): string {
  return (
    `Your role (${role}) can run queries here, but the schema documentation, completion and checking as you type ` +
    'are for analysts and the system role only. The schema is schema.graphql at the root of the DFDG repository, ' +
    'with every type and field described; the gateway checks every query you run.'
  );
}

/**
 * GraphiQL names the operation from its last parse of the editor, which trails a query an example
 * has just put there: a stale name makes the gateway refuse the request. A document with one
 * operation is sent under that operation's own name.
 */
function operationNameOf(params: FetcherParams): string | null | undefined {
  try {
    const operations = parse(params.query).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    if (operations.some((operation) => operation.name?.value === params.operationName)) return params.operationName;
    return operations.length === 1 ? (operations[0].name?.value ?? null) : params.operationName;
  } catch {
    return params.operationName; // a syntax error: the gateway names it
  }
}

function downloadCsv(table: Table): void {
  // The byte-order mark makes spreadsheets read the file as UTF-8 (æ, ø, å in names).
  const url = URL.createObjectURL(new Blob(['\uFEFF', toCsv(table)], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `${table.field}.csv`;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later, not at once: the browser reads the blob after the click has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function BarChart({ table }: { table: Table }) {
  const dimensions = dimensionsOf(table);
  const [chosen, setDimension] = useState(dimensions[0]);
  // A new answer may lack the column chosen for the last one.
  const dimension = dimensions.includes(chosen) ? chosen : dimensions[0];
  const { bars, suppressedCells } = barsOf(table, dimension);
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const [labelWidth, barWidth, rowHeight] = [260, 420, 22];
  const title = `Sum of count by ${dimension}`;
  return (
    <figure className="explorer-chart" style={{ margin: '8px 0' }}>
      <figcaption>
        <label>
          {'Bars: sum of count by '}
          <select value={dimension} onChange={(event) => setDimension(event.target.value)} aria-label="Group the bars by">
            {dimensions.map((d) => (
              <option key={d}>{d}</option>
            ))}
          </select>
        </label>
        {suppressedCells > 0 && ` — ${suppressedCells} suppressed cell(s) (a count under 5) are left out of the bars.`}
      </figcaption>
      <svg role="img" aria-label={title} width={labelWidth + barWidth + 60} height={bars.length * rowHeight + 4} style={{ font: '12px sans-serif' }}>
        <title>{title}</title>
        {bars.map((bar, i) => (
          <g key={bar.label} transform={`translate(0, ${i * rowHeight})`}>
            <text x={labelWidth - 6} y={15} textAnchor="end">
              {bar.label.length > 40 ? `${bar.label.slice(0, 39)}…` : bar.label}
            </text>
            <rect x={labelWidth} y={3} height={rowHeight - 6} width={(barWidth * bar.value) / max} fill="#2f6fad" />
            <text x={labelWidth + (barWidth * bar.value) / max + 4} y={15}>
              {bar.value}
            </text>
          </g>
        ))}
      </svg>
    </figure>
  );
}

function ResultTable({ table }: { table: Table }) {
  return (
    <section className="explorer-table" data-field={table.field} style={{ marginBottom: 16 }}>
      <h3 style={{ margin: '8px 0' }}>
        {table.field}: {table.rows.length} row(s){' '}
        <button type="button" onClick={() => downloadCsv(table)}>
          Download CSV
        </button>
      </h3>
      {isAggregate(table) && table.rows.length > 0 && <BarChart table={table} />}
      <table style={{ borderCollapse: 'collapse', fontSize: 13 }}>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} style={{ textAlign: 'left', borderBottom: '1px solid #999', padding: '2px 8px' }}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.slice(0, SHOWN_ROWS).map((row, i) => (
            <tr key={i}>
              {table.columns.map((column) => (
                <td key={column} style={{ borderBottom: '1px solid #ddd', padding: '2px 8px' }}>
                  {row[column] === null || row[column] === undefined ? '' : String(row[column])}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {table.rows.length > SHOWN_ROWS && <p>Showing the first {SHOWN_ROWS} rows; the CSV has all {table.rows.length}.</p>}
    </section>
  );
}

function Results({ answer }: { answer: Answer | null }) {
  if (!answer) return <p>Run a query: its answer appears here as a table, with a chart for an aggregate.</p>;
  return (
    <>
      {answer.errors?.length ? (
        <ul role="alert" className="explorer-errors" style={{ color: '#a00000' }}>
          {answer.errors.map((error, i) => (
            <li key={i}>{describeError(error)}</li>
          ))}
        </ul>
      ) : null}
      {tablesOf(answer.data).map((table) => (
        <ResultTable key={table.field} table={table} />
      ))}
    </>
  );
}

function Explorer() {
  // The token lives in this tab's sessionStorage only: it is gone when the tab closes.
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const [example, setExample] = useState<Example>(EXAMPLES[0]);
  const [query, setQuery] = useState(example.query);
  const [variables, setVariables] = useState(JSON.stringify(example.variables, null, 2));
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [refusedSchemaTo, setRefusedSchemaTo] = useState<string | null>(null);
  const fetcher = useMemo<Fetcher>(
    () => async (params) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ ...params, operationName: operationNameOf(params) }),
      });
      const body = (await response.json()) as Answer;
      if (params.operationName !== 'IntrospectionQuery') {
        setAnswer(body);
      } else if (token && body.errors?.some((error) => error.extensions?.code === 'FORBIDDEN')) {
        // A role without introspection: say what that means instead of the bare refusal.
        const role = String(claimsOf(token)?.role ?? 'your role');
        setRefusedSchemaTo(role);
        return { data: null, errors: [new GraphQLError(noSchemaMessage(role))] };
      }
      return body as FetcherResult;
    },
    [token],
  );
  const choose = (chosen: Example) => {
    setExample(chosen);
    setQuery(chosen.query);
    setVariables(JSON.stringify(chosen.variables, null, 2));
  };
  return (
    <div style={{ height: '100vh', display: 'flex', flexDirection: 'column', fontFamily: 'sans-serif' }}>
      <form style={{ display: 'flex', flexWrap: 'wrap', gap: 8, padding: 8, alignItems: 'center' }} onSubmit={(event) => event.preventDefault()}>
        <label htmlFor="token">Access token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          placeholder="paste your access token (eyJ…)"
          aria-describedby="token-help token-status"
          style={{ flex: 1, minWidth: 240 }}
          value={token}
          onChange={(event) => {
            setToken(event.target.value.trim());
            setRefusedSchemaTo(null);
            sessionStorage.setItem(TOKEN_KEY, event.target.value.trim());
          }}
        />
        <label htmlFor="example">Example</label>
        <select id="example" value={example.id} onChange={(event) => choose(EXAMPLES.find((e) => e.id === event.target.value) ?? EXAMPLES[0])}>
          {EXAMPLES.map((e) => (
            <option key={e.id} value={e.id}>
              {e.title}
            </option>
          ))}
        </select>
        <small id="token-help" style={{ flexBasis: '100%' }}>
          Your access token says who you are (role and authority) and is issued by the DFDG operators; on a development machine,
          <code> npm run -s token -- --role analyst --authority STAR</code> makes one. It stays in this browser tab and is sent only to
          this gateway.
        </small>
        <output id="token-status" style={{ flexBasis: '100%', fontSize: 13 }}>
          {signInStatus(token)}
        </output>
        {refusedSchemaTo && (
          <p id="no-schema" role="status" style={{ flexBasis: '100%', margin: 0, padding: 8, background: '#fff4cc', border: '1px solid #d9b300' }}>
            {noSchemaMessage(refusedSchemaTo)}
          </p>
        )}
      </form>
      <div style={{ flex: 3, minHeight: 0 }}>
        {/* Re-mount on a new token so the schema is fetched again with the new identity. */}
        <GraphiQL
          key={token}
          fetcher={fetcher}
          query={query}
          onEditQuery={setQuery}
          variables={variables}
          onEditVariables={setVariables}
          defaultEditorToolsVisibility="variables"
          shouldPersistHeaders={false}
        />
      </div>
      <div id="results" style={{ flex: 2, minHeight: 0, overflow: 'auto', padding: '0 8px', borderTop: '2px solid #999' }}>
        <Results answer={answer} />
      </div>
    </div>
  );
}

createRoot(document.getElementById('explorer')!).render(<Explorer />);
