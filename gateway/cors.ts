// CORS for browser front ends served from other origins: only the origins a deployment lists in
// CORS_ORIGINS (none by default) get CORS headers, with the `cors` library. A preflight from any
// other origin is refused (403, no CORS headers), so the browser never sends the request. Apollo's
// CSRF prevention stays as it is: CORS only lets a listed origin read answers, and a simple request
// (a form post, text/plain) is still refused before it runs, from whatever origin.
import type http from 'node:http';
import cors from 'cors';
import { ConfigError } from '../core/config';

/** What a front end sends beyond the CORS-safelisted headers: the token, JSON, tracing, resume. */
const ALLOWED_HEADERS = [
  'authorization',
  'content-type',
  'accept',
  'x-request-id',
  'traceparent',
  'tracestate',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  'last-event-id',
];
/** What a front end may read of an answer: the id to quote, when to retry, where the time went. */
const EXPOSED_HEADERS = ['x-request-id', 'retry-after', 'server-timing'];
/** Browsers cache a preflight this long (Chromium caps it at 2 hours). */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/** Origins from `CORS_ORIGINS`: comma-separated, each as a browser sends it (`https://host[:port]`). */
export function corsOrigins(value: string | undefined): string[] {
  const origins = (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of origins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) throw new ConfigError(`CORS_ORIGINS: "${origin}" is not an origin like https://caseworker.example.dk (no path, no trailing slash, no wildcard).`);
  }
  return origins;
}

/** Answers preflights and adds CORS headers; returns true when it answered the request itself. */
export function corsHandler(origins: readonly string[]): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  const allowed = new Set(origins);
  const middleware = cors({ origin: [...allowed], methods: ['GET', 'POST'], allowedHeaders: ALLOWED_HEADERS, exposedHeaders: EXPOSED_HEADERS, maxAge: PREFLIGHT_MAX_AGE_SECONDS });
  return (req, res) => {
    if (req.method === 'OPTIONS' && !allowed.has(req.headers.origin ?? '')) {
      res.writeHead(403, { 'content-type': 'text/plain' }).end('Origin not allowed');
      return true;
    }
    let passed = false;
    // With a fixed list the library decides synchronously: `next` has run by the time it returns.
    middleware(req, res, () => (passed = true));
    return !passed;
  };
}
