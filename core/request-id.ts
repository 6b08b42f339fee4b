// The request id a caseworker or operator quotes: taken from the client's `x-request-id` when it is
// sane, else made; answered in the same header and in every error, forwarded to the subgraphs (which
// adopt it the same way), written on the CPR audit rows and on every log line of the request (core/logger.ts's mixin).
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

export const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Letters, digits and `._:-`, at most 36 characters (a UUID; the audit column's width). Anything else
 * is replaced, so a client cannot put line breaks, markup or a kilobyte into our logs and audit rows.
 */
const ACCEPTED = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,35}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTED.test(value) ? value : randomUUID();
}

/** What the access log and the metrics learn about a request while it runs. */
export interface RequestRecord {
  requestId: string;
  /** The GraphQL operation name the client sent, if any. */
  operation?: string | null;
  /** The code of every error the response carried (error-masking.ts notes them). */
  errorCodes: string[];
  /** Who asked, once authenticated: role and authority only, never the subject (a citizen's is a CPR). */
  caller?: { role: string; authority: string };
}

const storage = new AsyncLocalStorage<RequestRecord>();

/** Runs `handle` with `record` as the current request (each HTTP request; each subscription follow-up). */
export function runInRequest<T>(record: RequestRecord, handle: () => T): T {
  return storage.run(record, handle);
}

/** The request being served, in any code it calls (undefined outside an HTTP request). */
export function currentRequest(): RequestRecord | undefined {
  return storage.getStore();
}

/** Notes an error code of the current request (for the outcome and refusal metrics). */
export function noteErrorCode(code: unknown): void {
  const record = storage.getStore();
  if (record && typeof code === 'string') record.errorCodes.push(code);
}

/** Notes who the current request is from, once it is authenticated. */
export function noteCaller(identity: { role: string; authority: string } | undefined): void {
  const record = storage.getStore();
  if (record && identity) record.caller = { role: identity.role, authority: identity.authority };
}
