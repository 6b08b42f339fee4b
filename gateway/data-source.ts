// Calls to subgraphs carry a fresh identity token minted for that subgraph alone; the client's own
// Authorization header is never forwarded.
import { GraphQLError, type OperationDefinitionNode } from 'graphql';
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { CLIENT_OPERATION_HEADER, IDENTITY_HEADER, type IdentityTokenIssuer } from '../core/identity-token';
import type { GatewayContext } from './context';

export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    options: { name: string; url: string },
    private readonly issuer: IdentityTokenIssuer,
  ) {
    super({ url: options.url });
    this.name = options.name;
  }

  readonly name: string;

  override async willSendRequest(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<void> {
    const { request, context } = options;
    const identity = 'identity' in context ? (context as GatewayContext).identity : undefined;
    // Health checks and schema fetches run without a request context; they carry no identity.
    if (!identity) return;
    request.http?.headers.set(IDENTITY_HEADER, await this.issuer.mint(identity, this.name));
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
