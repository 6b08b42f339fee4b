// The values a new row starts with, for entities declared with defineEntity: what the initialisers
// of the former entity classes (`end: string | null = null`, `status = 'ACTIVE'`) did in em.create.
import type { EntityManager } from '@mikro-orm/core';

/** What these helpers need of MikroORM's property builder (its class is internal to MikroORM). */
interface Chain {
  nullable(): Chain;
  default(value: string | number | boolean): Chain;
  onCreate(create: (entity: unknown, em: EntityManager) => unknown): Chain;
}

/** The builder as defineEntity reads it: the value type it infers, and the options it declares. */
interface Declared<Value, Options> {
  '~type'?: { value: Value };
  '~options': Options;
}

// Both helpers return the builder under the type they want inferred: MikroORM's own chain would
// say `nullable` and `onCreate`, and its inference would turn those into the types described below.
// core/db.ts turns on processOnCreateHooksEarly, so the onCreate hooks run in em.create.

/**
 * A nullable column that a new row starts as null. Typed `T | null` as the classes had it, where
 * `.nullable()` would infer `T | null | undefined` and `.onCreate()` would brand away the null.
 */
export function startsNull<Value, Options>(builder: Declared<Value, Options> & Chain): Declared<Value | null, Options> {
  return builder.nullable().onCreate(() => null) as unknown as Declared<Value | null, Options>;
}

/**
 * A column with a database default that a new row also holds from em.create on, so code reading
 * it before the flush sees it and the insert writes it (no reload of the default afterwards).
 */
export function startsAs<Value extends string | number | boolean, Options>(
  builder: Declared<Value, Options> & Chain,
  value: Value,
): Declared<Value, Options & { default: Value; onCreate: () => Value }> {
  return builder.default(value).onCreate(() => value) as unknown as Declared<Value, Options & { default: Value; onCreate: () => Value }>;
}
