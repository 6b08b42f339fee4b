// Trusted documents (persisted operations): the operations a front end was built with, registered
// from the manifest its build produced, and run by id. A deployment may require them per role, so a
// stolen caseworker token buys only the screens' own operations, not every field the role may read;
// analysts keep writing their own queries, within the query limits (docs/front-ends.md).
import fs from 'node:fs';
import type http from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ConfigError } from '../core/config';
import { isRole, type Role } from '../core/identity';
import type { GatewayContext } from './context';
import { writeErrors } from './json-errors';

/** Apollo's persisted query manifest (`generate-persisted-query-manifest`). */
interface ApolloManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; body: string }[];
}

function isApolloManifest(value: unknown): value is ApolloManifest {
  const manifest = value as Partial<ApolloManifest>;
  return manifest?.format === 'apollo-persisted-query-manifest' && manifest.version === 1 && Array.isArray(manifest.operations);
}

/**
 * Reads one manifest: GraphQL Codegen's client preset `persisted-documents.json` (a map of hash to
 * document) or Apollo's persisted query manifest. A malformed one stops the start, naming the file.
 */
export function readManifest(file: string): Map<string, string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError(`TRUSTED_DOCUMENTS: cannot read ${file} as JSON (${(error as Error).message}).`);
  }
  const entries: [unknown, unknown][] = isApolloManifest(parsed) ? parsed.operations.map((o) => [o.id, o.body]) : parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? Object.entries(parsed) : [];
  if (entries.length === 0 || entries.some(([id, body]) => typeof id !== 'string' || !id || typeof body !== 'string' || !body)) {
    throw new ConfigError(`TRUSTED_DOCUMENTS: ${file} is neither a codegen persisted-documents.json ({ "<hash>": "<document>" }) nor an Apollo persisted query manifest, or has an empty entry.`);
  }
  return new Map(entries as [string, string][]);
}

/** A request's operation as sent: its text, or the id of a registered one (either convention). */
export interface DocumentRequest {
  query?: unknown;
  documentId?: unknown;
  extensions?: Record<string, unknown> | null;
}

export class TrustedDocuments {
  constructor(
    private readonly documents: ReadonlyMap<string, string> = new Map(),
    /** Roles that may run registered operations only. */
    readonly requiredFor: ReadonlySet<Role> = new Set(),
  ) {}

  /**
   * The registered id a request names: `documentId` (GraphQL Codegen client preset, Hive) or Apollo's
   * `extensions.persistedQuery.sha256Hash`; undefined when it sends its own text.
   */
  static idOf(request: DocumentRequest): string | undefined {
    if (typeof request.documentId === 'string') return request.documentId;
    const hash = (request.extensions?.persistedQuery as { sha256Hash?: unknown } | undefined)?.sha256Hash;
    return typeof hash === 'string' ? hash : undefined;
  }

  /** The registered text of `id`, if any. */
  lookup(id: string): string | undefined {
    return this.documents.get(id);
  }

  /** The text to run and whether it is a registered one; PERSISTED_QUERY_NOT_FOUND for an unknown id. */
  resolve(request: DocumentRequest): { query: string; trusted: boolean } {
    const id = TrustedDocuments.idOf(request);
    if (id === undefined) return { query: typeof request.query === 'string' ? request.query : '', trusted: false };
    const query = this.documents.get(id);
    if (query === undefined) throw notFound();
    return { query, trusted: true };
  }

  /** OPERATION_NOT_TRUSTED when the role may run registered operations only and this is not one. */
  check(role: Role, trusted: boolean): void {
    if (trusted || !this.requiredFor.has(role)) return;
    throw new GraphQLError('This deployment runs only the operations your front end was built with: send its registered documentId.', {
      extensions: { code: 'OPERATION_NOT_TRUSTED', http: { status: 403 } },
    });
  }
}

function notFound(): GraphQLError {
  return new GraphQLError('No operation is registered under that id. Deploy the manifest your front end was built with (docs/front-ends.md).', {
    extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
  });
}

/** The id a /graphql request names, from its JSON body or (GET) its query string. */
function requestedId(body: unknown, search: string): string | undefined {
  const sent = body && typeof body === 'object' ? (body as DocumentRequest) : {};
  const params = new URLSearchParams(search);
  let extensions: DocumentRequest['extensions'] = sent.extensions;
  if (!extensions && params.has('extensions')) {
    try {
      extensions = JSON.parse(params.get('extensions')!) as DocumentRequest['extensions'];
    } catch {
      // Apollo refuses the malformed parameter itself.
    }
  }
  return TrustedDocuments.idOf({ documentId: sent.documentId ?? params.get('documentId') ?? undefined, extensions });
}

/**
 * Refuses a /graphql request naming an id nothing is registered under (PERSISTED_QUERY_NOT_FOUND,
 * 400) before Apollo sees it: an Apollo plugin cannot answer with a typed error before the operation
 * text is known. Returns true when it answered.
 */
export function unknownDocumentRefusal(trusted: TrustedDocuments) {
  return (req: http.IncomingMessage, res: http.ServerResponse, body: unknown): boolean => {
    const id = requestedId(body, new URL(req.url ?? '/', 'http://localhost').search);
    if (id === undefined || trusted.lookup(id) !== undefined) return false;
    writeErrors(res, [notFound()]);
    return true;
  };
}

/** The manifests of `TRUSTED_DOCUMENTS` (comma-separated files) and the roles of `TRUSTED_DOCUMENTS_REQUIRED`. */
export function trustedDocumentsFrom(files: string | undefined, requiredRoles: string | undefined): TrustedDocuments {
  const documents = new Map<string, string>();
  for (const file of list(files)) for (const [id, body] of readManifest(file)) documents.set(id, body);
  const roles = list(requiredRoles);
  const unknown = roles.filter((role) => !isRole(role));
  if (unknown.length) throw new ConfigError(`TRUSTED_DOCUMENTS_REQUIRED: unknown role ${unknown.join(', ')}; roles are caseworker, akasse, analyst, system.`);
  if (roles.length && documents.size === 0) throw new ConfigError('TRUSTED_DOCUMENTS_REQUIRED is set but TRUSTED_DOCUMENTS names no manifest: those roles could run nothing.');
  return new TrustedDocuments(documents, new Set(roles as Role[]));
}

function list(value: string | undefined): string[] {
  return (value ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/**
 * Runs a registered operation named by id, and refuses an unregistered one to a role that requires
 * registered ones. Replaces Apollo's automatic persisted queries (off in gateway/server.ts), where
 * any client could register any text under its hash.
 */
export function trustedDocumentsPlugin(trusted: TrustedDocuments): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart({ request }) {
      // Not a client's request: a subscription's follow-up fetch (its subscription was admitted with
      // this check) or the plans warmed at start.
      if (!request.http) return;
      const body = request.http.body as DocumentRequest | undefined;
      const search = new URLSearchParams(request.http.search);
      const id = TrustedDocuments.idOf({ documentId: body?.documentId ?? search.get('documentId') ?? undefined, extensions: request.extensions });
      // An unknown id was refused before Apollo (unknownDocumentRefusal).
      const registered = id === undefined ? undefined : trusted.lookup(id);
      if (registered !== undefined) {
        // Apollo reads the text after this hook: the registered text replaces whatever was sent.
        request.query = registered;
        if (request.extensions) delete request.extensions.persistedQuery;
      }
      return {
        async didResolveOperation({ contextValue }) {
          trusted.check(contextValue.identity.role, registered !== undefined);
        },
      };
    },
  };
}
