// Turns a `subscription { notifications(after:) { … } }` into the query that fetches one
// notification's selected fields through the supergraph: `query { notifications: notification(
// position: $__position) { … } }`. Executed with the subscriber's identity, so a subscriber sees
// exactly what it could read itself.
import { Kind, print, visit, type DocumentNode, type FieldNode, type OperationDefinitionNode, type VariableDefinitionNode } from 'graphql';
import { DomainError, ErrorCode } from '../core/errors';

export const POSITION_VARIABLE = '__position';

export interface FollowUp {
  document: DocumentNode;
  /** The document printed: with the variables and caller, the key identical fetches share. */
  text: string;
  /** The `after` argument's value as written (a literal, a variable's name, or absent). */
  after: { literal?: string; variable?: string };
}

export function followUpFor(document: DocumentNode, operationName?: string | null): FollowUp {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName ? operations.find((o) => o.name?.value === operationName) : operations.length === 1 ? operations[0] : undefined;
  if (!operation || operation.operation !== 'subscription') {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Only subscription operations are served here; send queries and mutations as ordinary HTTP requests to /graphql.');
  }
  const [field] = operation.selectionSet.selections;
  if (operation.selectionSet.selections.length !== 1 || field.kind !== Kind.FIELD || field.name.value !== 'notifications') {
    throw new DomainError(ErrorCode.BAD_USER_INPUT, 'Subscribe to exactly one field, notifications, with its selection written directly (no fragments at the root).');
  }
  const afterArgument = field.arguments?.find((a) => a.name.value === 'after')?.value;
  const after =
    afterArgument?.kind === Kind.STRING ? { literal: afterArgument.value } : afterArgument?.kind === Kind.VARIABLE ? { variable: afterArgument.name.value } : {};

  const lookup: FieldNode = {
    ...field,
    alias: field.alias ?? { kind: Kind.NAME, value: 'notifications' },
    name: { kind: Kind.NAME, value: 'notification' },
    arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'position' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: POSITION_VARIABLE } } }],
  };
  const draft: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      { ...operation, operation: 'query' as OperationDefinitionNode['operation'], selectionSet: { kind: Kind.SELECTION_SET, selections: [lookup] } } as OperationDefinitionNode,
      ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
    ],
  };
  const used = new Set<string>();
  // Count uses only: a definition's own `$name` is not a use (returning false skips its subtree).
  visit(draft, { VariableDefinition: () => false, Variable: (node) => void used.add(node.name.value) });
  const positionDefinition: VariableDefinitionNode = {
    kind: Kind.VARIABLE_DEFINITION,
    variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: POSITION_VARIABLE } },
    type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'String' } } },
  };
  const query: DocumentNode = {
    ...draft,
    definitions: draft.definitions.map((d) =>
      d.kind === Kind.OPERATION_DEFINITION
        ? { ...d, variableDefinitions: [positionDefinition, ...(d.variableDefinitions ?? []).filter((v) => used.has(v.variable.name.value))] }
        : d,
    ),
  };
  return { document: query, text: print(query), after };
}
