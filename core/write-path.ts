// The mechanics every subgraph's write module shares: the row lock that queues the writers of one
// person, the mapping of a unique-index violation to the domain error it stands for, and the retry
// of a transaction that lost a race. Written once here; each subgraph's writes.ts uses them.
import { LockMode, OptimisticLockError, UniqueConstraintViolationException, type EntityManager, type EntityName, type FilterQuery } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

/**
 * Re-reads the row inside a write transaction; on PostgreSQL it is locked FOR UPDATE, so the
 * writers of one person queue and each sees what the previous one committed. SQLite has one writer
 * at a time: the transaction is the lock.
 */
export function lockRow<T extends object>(em: EntityManager, entity: EntityName<T>, where: FilterQuery<T>): Promise<T> {
  const lockMode = em.getPlatform() instanceof PostgreSqlPlatform ? LockMode.PESSIMISTIC_WRITE : undefined;
  return em.findOneOrFail(entity, where, { lockMode, refresh: true });
}

/** True for the database's "at most one" refusing a second row (a unique index or primary key). */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof UniqueConstraintViolationException;
}

/**
 * Runs a write and turns a unique-index violation into the domain error the rule stands for, so a
 * request that lost a race gets the same answer as a late one. `onViolation` gets the violation,
 * for a write that can break more than one key (its message names the index).
 */
export async function uniquely<T>(write: () => Promise<T>, onViolation: (violation: Error) => Error): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw onViolation(error as Error);
    throw error;
  }
}

export interface RetryOptions {
  /** Which failures mean "another writer won the race"; default: a unique violation or an optimistic-lock conflict. */
  lostRace?: (error: unknown) => boolean;
  /** How many times in all; default 5. */
  attempts?: number;
  /** What the caller is told when every attempt lost; default: the last failure itself. */
  exhausted?: (error: unknown) => Error;
}

/**
 * Runs `attempt` again, from the start, while it loses a race to a parallel writer (a version
 * number or a new row taken first, an optimistic lock): the next attempt reads the winner's result
 * and gives the domain answer to it. Any other failure ends it at once.
 */
export async function retryOnLostRace<T>(attempt: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const lostRace = options.lostRace ?? ((error) => isUniqueViolation(error) || error instanceof OptimisticLockError);
  const attempts = options.attempts ?? 5;
  for (let tried = 1; ; tried++) {
    try {
      return await attempt();
    } catch (error) {
      if (!lostRace(error)) throw error;
      if (tried >= attempts) throw options.exhausted ? options.exhausted(error) : error;
    }
  }
}
