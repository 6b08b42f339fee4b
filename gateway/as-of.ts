// As-of reads: `person(cpr:, asOf:)` answers the federated person as it was or will be on that day
// in every subgraph. The person subgraph reads the argument; the others learn the day from the
// as-of header the gateway sets on each of the operation's subgraph calls. One operation reads one
// day: two `person` fields asking for different days are refused before anything is fetched.
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type FragmentDefinitionNode, type OperationDefinitionNode, type SelectionSetNode, type ValueNode } from 'graphql';
import { isIsoDate, type IsoDate } from '../core/dates';
import type { GatewayContext } from './context';

/** The root fields whose `asOf` argument sets the operation's day. */
const AS_OF_ROOT_FIELDS = new Set(['person']);

export const AS_OF_CONFLICT = 'AS_OF_CONFLICT';

/**
 * What a root `person` without asOf (or with asOf: null) asks for. The gateway forwards one day to
 * every subgraph call of the operation, so such a field beside one with a day would silently be
 * answered as of that day: it counts as a day of its own, and the two conflict.
 */
export const TODAY = 'today';

function valueOf(node: ValueNode, variables: Record<string, unknown>): unknown {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value];
  if (node.kind === Kind.STRING) return node.value;
  if (node.kind === Kind.NULL) return null;
  return undefined;
}

/**
 * The days the operation's root `person` fields ask for (fragments at the root included); TODAY for
 * one without a day. A value that is not a date is left to the Date scalar, which refuses it with
 * its own error.
 */
export function requestedAsOfDays(operation: OperationDefinitionNode, fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>): Set<IsoDate | typeof TODAY> {
  const days = new Set<IsoDate | typeof TODAY>();
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!AS_OF_ROOT_FIELDS.has(selection.name.value)) continue;
        const argument = selection.arguments?.find((a) => a.name.value === 'asOf');
        const day = argument ? valueOf(argument.value, variables) : null;
        if (isIsoDate(day)) days.add(day);
        else if (day === null || day === undefined) days.add(TODAY);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet);
      } else if (!seen.has(selection.name.value) && fragments[selection.name.value]) {
        seen.add(selection.name.value);
        walk(fragments[selection.name.value].selectionSet);
      }
    }
  };
  if (operation.operation === 'query') walk(operation.selectionSet);
  return days;
}

/** Sets `contextValue.asOf` for the data sources, or refuses an operation that asks for two days. */
export function asOfPlugin(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, document, request, contextValue }) {
          if (!operation) return;
          const fragments: Record<string, FragmentDefinitionNode> = {};
          for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
          const days = requestedAsOfDays(operation, fragments, request.variables ?? {});
          if (days.size > 1) {
            throw new GraphQLError(`One operation reads one day: asOf is ${[...days].map((d) => (d === TODAY ? 'not given (today)' : d)).join(' and ')} here. Send one operation per day.`, {
              extensions: { code: AS_OF_CONFLICT, http: { status: 400 } },
            });
          }
          const [day] = [...days];
          contextValue.asOf = day !== undefined && day !== TODAY ? day : null;
        },
      };
    },
  };
}
