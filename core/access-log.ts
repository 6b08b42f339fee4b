// One structured access-log line per HTTP request, and the request metrics, written when the
// response is finished; the request runs with its record as the current request (request-id.ts).
import type http from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { logger } from './logger';
import type { ServiceMetrics } from './metrics';
import { currentRequest, REQUEST_ID_HEADER, requestIdFrom, runInRequest, type RequestRecord } from './request-id';

/** Probes and scrapes are logged at debug: every few seconds from every replica would bury the rest. */
const QUIET_PATHS = new Set(['/health', '/ready', '/metrics']);

/**
 * Gives the request its id (answered at once in the response header), runs `handle` with the record
 * as the current request, and when the response is finished writes one access-log line and, for
 * /graphql, the request metrics.
 */
export function trackRequest(req: http.IncomingMessage, res: http.ServerResponse, service: string, metrics: ServiceMetrics | undefined, handle: () => void): void {
  const started = performance.now();
  const record: RequestRecord = { requestId: requestIdFrom(req.headers[REQUEST_ID_HEADER]), errorCodes: [] };
  res.setHeader(REQUEST_ID_HEADER, record.requestId);
  const path = new URL(req.url ?? '/', 'http://localhost').pathname;
  let logged = false;
  const done = () => {
    if (logged) return;
    logged = true;
    const seconds = (performance.now() - started) / 1000;
    // A client that hung up before the answer is logged with the status we were about to send, marked aborted.
    const status = res.statusCode;
    if (path === '/graphql') metrics?.observeRequest(record.operation, status, record.errorCodes, seconds);
    const line = {
      service,
      requestId: record.requestId,
      method: req.method,
      path,
      status,
      durationMs: Math.round(seconds * 100_000) / 100,
      operation: record.operation ?? undefined,
      role: record.caller?.role,
      authority: record.caller?.authority,
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (QUIET_PATHS.has(path)) logger.debug(line, 'access');
    else logger.info(line, 'access');
  };
  res.once('finish', done);
  res.once('close', done);
  runInRequest(record, handle);
}


/**
 * Names the current request's operation once Apollo has resolved it: the name in the document, which
 * a client need not repeat in the request's `operationName`.
 */
export function operationNamePlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operationName }) {
          const record = currentRequest();
          if (record) record.operation = operationName;
        },
      };
    },
  };
}
