// The analysts' explorer: GraphiQL with a token field. Bundled by esbuild into the gateway's own
// assets (bundle.ts), so it works on a machine with no internet and loads nothing from a CDN.
import { useMemo, useState, type ComponentProps } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/graphiql.css';

type Fetcher = ComponentProps<typeof GraphiQL>['fetcher'];

const TOKEN_KEY = 'dfdg-explorer-token';

const DEFAULT_QUERY = `# Analysts: aggregate queries never expose individuals, and CPR numbers are pseudonymised.
{
  absenceTypes { id name }
}
`;

function Explorer() {
  // The token lives in this tab's sessionStorage only: it is gone when the tab closes.
  const [token, setToken] = useState(() => sessionStorage.getItem(TOKEN_KEY) ?? '');
  const fetcher = useMemo<Fetcher>(
    () => async (params: unknown) => {
      const response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify(params),
      });
      return (await response.json()) as Awaited<ReturnType<Fetcher>>;
    },
    [token],
  );
  return (
    <div style={{ height: '100vh', display: 'flex', flexDirection: 'column' }}>
      <form
        style={{ display: 'flex', gap: 8, padding: 8, alignItems: 'center', fontFamily: 'sans-serif' }}
        onSubmit={(event) => event.preventDefault()}
      >
        <label htmlFor="token">Token</label>
        <input
          id="token"
          name="token"
          type="password"
          autoComplete="off"
          placeholder="paste the JWT from npm run token"
          style={{ flex: 1 }}
          value={token}
          onChange={(event) => {
            setToken(event.target.value.trim());
            sessionStorage.setItem(TOKEN_KEY, event.target.value.trim());
          }}
        />
      </form>
      <div style={{ flex: 1, minHeight: 0 }}>
        {/* Re-mount on a new token so the schema is fetched again with the new identity. */}
        <GraphiQL key={token} fetcher={fetcher} defaultQuery={DEFAULT_QUERY} shouldPersistHeaders={false} />
      </div>
    </div>
  );
}

createRoot(document.getElementById('explorer')!).render(<Explorer />);
