// Checks a declaration before anything is stored: every entry or none. The document gets the same
// checks as a graphql-ws subscribe (gateway/subscription-validation.ts: parse and token limit,
// validation against the API schema with the gateway's depth/alias/directive rules, variables, text,
// cost) and must subscribe to `notifications`; the endpoint passes the SSRF guard; the secret is in
// the Standard Webhooks form.
import { Supergraph } from '@apollo/federation-internals';
import type { GraphQLSchema } from 'graphql';
import { Webhook } from 'standardwebhooks';
import { DomainError } from '../../core/errors';
import type { Identity } from '../../core/identity';
import { GATEWAY_LIMITS } from '../../core/query-limits';
import { readSupergraph } from '../compose';
import { followUpFor } from '../follow-up';
import { queryProtection } from '../limits';
import { checkSubscribe } from '../subscription-validation';
import type { Guard } from './endpoint-guard';
import { refusedEndpoint } from './endpoint-guard';

/** Subscriptions one authority may declare: each costs a follow-up fetch and a POST per event. */
export const MAX_DELIVERY_SUBSCRIPTIONS = 10;
const MIN_SECRET_BYTES = 24;

export interface DeliverySubscriptionInput {
  endpoint: string;
  secret: string;
  query: string;
}

export interface CheckedDeclaration extends DeliverySubscriptionInput {
  followUp: string;
}

let apiSchema: GraphQLSchema | undefined;
const rules = queryProtection().validationRules;

/** The clients' schema, as the gateway validates against it (the checked-in supergraph). */
function schema(): GraphQLSchema {
  return (apiSchema ??= Supergraph.build(readSupergraph()).apiSchema().toGraphQLJSSchema());
}

function checkSecret(secret: string, field: string): void {
  const body = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : null;
  const ok = body !== null && /^[A-Za-z0-9+/]+={0,2}$/.test(body) && Buffer.from(body, 'base64').length >= MIN_SECRET_BYTES;
  if (!ok) throw new DomainError('INVALID_DELIVERY_SECRET', `The secret must be "whsec_" followed by the base64 of at least ${MIN_SECRET_BYTES} random bytes (the Standard Webhooks form).`, { field });
  new Webhook(secret); // the library that verifies it must accept it too
}

function checkQuery(query: string, identity: Identity, field: string): string {
  const checked = checkSubscribe(schema(), { query }, identity, { rules, limits: GATEWAY_LIMITS });
  if ('errors' in checked) {
    const [first] = checked.errors;
    throw new DomainError(String(first.extensions.code), first.message, { field });
  }
  try {
    return followUpFor(checked.document).text;
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError(error.code, 'The query must be one subscription operation selecting the notifications field: subscription { notifications { position kind person { id } } }.', { field });
    throw error;
  }
}

/** Every entry checked, in order; the first refusal names its field (`input[2].endpoint`). */
export function checkDeclaration(inputs: DeliverySubscriptionInput[], identity: Identity, guard: Guard): CheckedDeclaration[] {
  if (inputs.length > MAX_DELIVERY_SUBSCRIPTIONS) {
    throw new DomainError('TOO_MANY_DELIVERY_SUBSCRIPTIONS', `Declare at most ${MAX_DELIVERY_SUBSCRIPTIONS} delivery subscriptions; one subscription already carries every notification for your authority.`, { max: MAX_DELIVERY_SUBSCRIPTIONS });
  }
  const seen = new Set<string>();
  return inputs.map((input, index) => {
    const field = (name: string) => `input[${index}].${name}`;
    const refused = refusedEndpoint(input.endpoint, guard);
    if (refused) throw new DomainError('INVALID_DELIVERY_ENDPOINT', `The endpoint is refused: ${refused}. Use an https URL that resolves to a public address.`, { field: field('endpoint') });
    const endpoint = new URL(input.endpoint).toString();
    // The webhook-id is the position: two subscriptions posting to one URL would share ids.
    if (seen.has(endpoint)) throw new DomainError('DUPLICATE_DELIVERY_ENDPOINT', 'Each endpoint may appear once in a declaration; select everything it needs in one query.', { field: field('endpoint') });
    seen.add(endpoint);
    checkSecret(input.secret, field('secret'));
    return { endpoint, secret: input.secret, query: input.query, followUp: checkQuery(input.query, identity, field('query')) };
  });
}
