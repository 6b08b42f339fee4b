// The client schema: the composed API schema without federation internals (no join__/link__ types,
// no @key), which front ends generate their types from. Printed with types and fields sorted so the
// file changes only when the API does, not when a subgraph moves a line.
import fs from 'node:fs';
import path from 'node:path';
import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isIntrospectionType,
  isSpecifiedScalarType,
  lexicographicSortSchema,
  printSchema,
  type GraphQLSchema,
} from 'graphql';

/** Named by /work/shared/API.md: "the client schema … is `schema.graphql` at the root". */
export const CLIENT_SCHEMA_PATH = path.join(__dirname, '..', 'schema.graphql');

export function printClientSchema(apiSchema: GraphQLSchema): string {
  return printSchema(lexicographicSortSchema(apiSchema));
}

export function readClientSchema(): string {
  return fs.readFileSync(CLIENT_SCHEMA_PATH, 'utf8');
}

/**
 * Every type, field, argument and enum value without a description, as `Type`, `Type.field`,
 * `Type.field(arg)` and `Enum.VALUE`: the schema is a front end's only documentation.
 */
export function undescribed(schema: GraphQLSchema): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (!field.description) missing.push(`${type.name}.${field.name}`);
        if ('args' in field) {
          for (const arg of field.args) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
        }
      }
    }
    if (isEnumType(type)) {
      for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
    }
  }
  return missing.sort();
}
