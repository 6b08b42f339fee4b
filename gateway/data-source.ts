// Calls to subgraphs carry a fresh identity token minted for that subgraph alone; the client's own
// Authorization header is never forwarded.
import { GraphQLError, Kind, parse, type DocumentNode, type FragmentDefinitionNode, type NamedTypeNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { SpanKind } from '@opentelemetry/api';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLIENT_OPERATION_HEADER, IDENTITY_HEADER, type IdentityTokenIssuer } from '../core/identity-token';
import { logger } from '../core/logger';
import { currentTraceCarrier, inSpan } from '../core/telemetry';
import type { ServiceMetrics } from '../core/metrics';
import { REQUEST_ID_HEADER } from '../core/request-id';
import { AS_OF_HEADER } from '../core/valid-time';
import type { GatewayContext } from './context';

type GraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

interface InFlight {
  answer: Promise<GraphQLResponse>;
  /** Callers that joined the first one; final once `answer` settles (the entry is removed first). */
  joined: number;
}

/** A deep copy of the answer's data; the HTTP response object itself is shared, read-only. */
function copyOf(response: GraphQLResponse): GraphQLResponse {
  const { http, ...body } = response;
  return { ...structuredClone(body), http };
}

export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  /** Identical fetches in flight right now, by identity + operation + variables. */
  private readonly inFlight = new Map<string, InFlight>();

  constructor(
    options: { name: string; url: string; fetcher?: RemoteGraphQLDataSource['fetcher']; metrics?: ServiceMetrics },
    private readonly issuer: IdentityTokenIssuer,
  ) {
    super({ url: options.url, ...(options.fetcher ? { fetcher: options.fetcher } : {}) });
    this.name = options.name;
    this.metrics = options.metrics;
  }

  private readonly metrics?: ServiceMetrics;

  readonly name: string;

  /**
   * Merges identical subgraph fetches that are in flight at the same moment, but only within one
   * identity (role, authority AND subject): a caller never receives an answer fetched for someone
   * else, and every CPR read still happens, and is audited, under the subject who asked. Mutations
   * are never merged. A shared answer is copied for each caller, since the gateway merges results
   * into it in place; an answer nobody joined is handed over as it is (copying costs CPU).
   */
  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GraphQLResponse> {
    const timer = this.metrics?.subgraphFetchDuration.startTimer({ subgraph: this.name });
    try {
      // One client span per subgraph call; willSendRequest hands its context on as traceparent.
      const response = await inSpan('gateway', `fetch ${this.name}`, { kind: SpanKind.CLIENT, attributes: { 'dfdg.subgraph': this.name } }, () => this.processMerged(options));
      timer?.({ outcome: response.errors?.length ? 'errors' : 'ok' });
      return response;
    } catch (error) {
      timer?.({ outcome: error instanceof GraphQLError ? 'errors' : 'unreachable' });
      // A subgraph that cannot be reached (refused, reset, timed out) is an outage, not our bug: the
      // client is told SERVICE_UNAVAILABLE for the fields it served, and may retry. A refusal we made
      // of its non-2xx answer (errorFromResponse) keeps its own message and code.
      let failure: GraphQLError;
      if (error instanceof GraphQLError) failure = error;
      else {
        // The cause (refused, reset, timed out, or a fault of ours) stays in the log for the operator.
        logger.warn({ err: error, subgraph: this.name }, 'subgraph fetch failed');
        failure = new GraphQLError(`The ${this.name} service could not be reached; retry.`, { extensions: { code: 'SERVICE_UNAVAILABLE' } });
      }
      // Thrown, the gateway would report it without a path (it pushes a thrown error as it is); answered
      // as the subgraph's own errors, the gateway places each on the field this subgraph was to serve.
      if (!('incomingRequestContext' in options)) throw failure;
      return { errors: unreachablePaths(options).map((path) => ({ message: failure.message, extensions: failure.extensions, path })) };
    }
  }

  private async processMerged(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GraphQLResponse> {
    const context = options.context as Partial<GatewayContext>;
    const timing = context.timing;
    if (timing && timing.active++ === 0) timing.busySince = performance.now();
    const identity = context.identity;
    const query = options.request.query ?? '';
    const mergeable = identity !== undefined && !/^\s*mutation\b/.test(query);
    try {
      if (!mergeable) return await super.process(options);
      // The as-of day is part of the answer: the same fetch for another day is another question.
      const key = `${identity.role}\u0000${identity.authority}\u0000${identity.subject}\u0000${context.asOf ?? ''}\u0000${query}\u0000${JSON.stringify(options.request.variables ?? {})}`;
      const pending = this.inFlight.get(key);
      if (pending) {
        pending.joined++;
        return copyOf(await pending.answer);
      }
      const entry: InFlight = { answer: super.process(options).finally(() => this.inFlight.delete(key)), joined: 0 };
      this.inFlight.set(key, entry);
      const answer = await entry.answer;
      return entry.joined === 0 ? answer : copyOf(answer);
    } finally {
      if (timing && --timing.active === 0) timing.subgraphMs += performance.now() - timing.busySince;
    }
  }

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    for (const [name, value] of Object.entries(currentTraceCarrier())) request.http?.headers.set(name, value);
    const identity = 'identity' in context ? (context as GatewayContext).identity : undefined;
    // Health checks and schema fetches run without a request context; they carry no identity.
    if (!identity) return;
    request.http?.headers.set(IDENTITY_HEADER, await this.issuer.mint(identity, this.name));
    const asOf = (context as Partial<GatewayContext>).asOf;
    if (asOf) request.http?.headers.set(AS_OF_HEADER, asOf);
    // The subgraph adopts it as its own request id, so its log lines and audit rows carry the client's.
    const requestId = (context as Partial<GatewayContext>).requestId;
    if (requestId) request.http?.headers.set(REQUEST_ID_HEADER, requestId);
    if ('incomingRequestContext' in options) {
      request.http?.headers.set(CLIENT_OPERATION_HEADER, clientOperationName(options.incomingRequestContext.operationName, options.incomingRequestContext.operation));
    }
  }

  /**
   * The default error for a non-2xx answer carries the subgraph's URL and whole body to the client.
   * Forward only the first error's message and code (the subgraph masked it already), else a
   * generic error that keeps the status's meaning.
   */
  override async errorFromResponse(response: { status: number; json(): Promise<unknown> }): Promise<GraphQLError> {
    const body = await response.json().catch(() => null) as { errors?: { message?: unknown; extensions?: { code?: unknown } }[] } | null;
    const first = body?.errors?.[0];
    if (typeof first?.message === 'string' && typeof first.extensions?.code === 'string') {
      return new GraphQLError(first.message, { extensions: { code: first.extensions.code } });
    }
    const code = response.status === 401 ? 'UNAUTHENTICATED' : response.status === 403 ? 'FORBIDDEN' : 'SERVICE_UNAVAILABLE';
    return new GraphQLError(`The ${this.name} service could not answer (HTTP ${response.status}).`, { extensions: { code } });
  }
}

/** "query PersonOverview", or for an anonymous operation its kind and root fields: "query { person }". */
export function clientOperationName(name: string | null | undefined, operation: OperationDefinitionNode | undefined): string {
  const kind = operation?.operation ?? 'query';
  if (name) return `${kind} ${name}`;
  const fields = operation?.selectionSet.selections.flatMap((s) => (s.kind === 'Field' ? [s.name.value] : [])) ?? [];
  return `${kind} { ${fields.join(' ')} }`;
}

/** At most this many errors for one unreachable fetch (a list of entities could otherwise yield thousands). */
const MAX_PATHS = 100;

type Fragments = ReadonlyMap<string, FragmentDefinitionNode>;

function responseKeys(selectionSet: SelectionSetNode, typename: string | undefined, fragments: Fragments): string[] {
  const applies = (condition: NamedTypeNode | undefined) => !condition || typename === undefined || condition.name.value === typename;
  return selectionSet.selections.flatMap((s) => {
    if (s.kind === Kind.FIELD) return s.name.value === '__typename' ? [] : [s.alias?.value ?? s.name.value];
    if (s.kind === Kind.INLINE_FRAGMENT) return applies(s.typeCondition) ? responseKeys(s.selectionSet, typename, fragments) : [];
    const fragment = fragments.get(s.name.value);
    return fragment && applies(fragment.typeCondition) ? responseKeys(fragment.selectionSet, typename, fragments) : [];
  });
}

/**
 * The paths, relative to the fetch, of the fields an unreachable subgraph was asked for: each root
 * field (`person`), or each field of each entity (`_entities.0.eeaBenefitPeriods`), which the gateway
 * turns into the client's path (`person.eeaBenefitPeriods`).
 */
function unreachablePaths(options: Extract<GraphQLDataSourceProcessOptions, { incomingRequestContext: unknown }>): (string | number)[][] {
  let document: DocumentNode | undefined = options.document;
  try {
    document ??= parse(options.request.query ?? '');
  } catch {
    return [[]];
  }
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (!operation) return [[]];
  const fragments: Fragments = new Map(document.definitions.flatMap((d) => (d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d] as const] : [])));
  const paths: (string | number)[][] = [];
  for (const root of operation.selectionSet.selections) {
    if (root.kind !== Kind.FIELD) continue;
    const key = root.alias?.value ?? root.name.value;
    if (root.name.value !== '_entities' || !root.selectionSet) {
      paths.push([key]);
      continue;
    }
    const representations = (options.request.variables?.representations ?? []) as { __typename?: string }[];
    representations.forEach((representation, index) => {
      for (const field of responseKeys(root.selectionSet!, representation.__typename, fragments)) paths.push([key, index, field]);
    });
  }
  return paths.length === 0 ? [[]] : paths.slice(0, MAX_PATHS);
}
