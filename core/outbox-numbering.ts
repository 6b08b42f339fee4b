// Numbers a transaction's outbox rows as it commits, so the relay has only to publish them: one
// database round of the write's own transaction instead of a relay transaction of its own after it
// (docs/operations.md, "Read your own writes"). Positions stay in commit order: the stream_state row
// is locked (PostgreSQL; SQLite has one writer anyway) as the very last step before COMMIT, so the
// transaction that takes it next commits later and numbers after it. Taken last, the lock waits for
// nothing a writer holds, and no writer waits for it while holding a lock the numbering needs.
import { ChangeSetType, type Connection, type EventSubscriber, type FlushEventArgs, type MikroORM, type Transaction, type TransactionEventArgs } from '@mikro-orm/core';
import { OutboxEvent } from './outbox';

/**
 * Registers the numbering with the ORM of the subgraph whose stream is `stream`. A transaction that
 * recorded no event is left alone (no lock, no statement). What it cannot see (an event recorded in
 * a savepoint) the relay numbers as before, a poll or a mutation's drain later.
 */
export function numberOutboxOnCommit(orm: MikroORM, stream: string, lockStreamRow: boolean): void {
  // Keyed by what the commit hook will be handed: the transaction of em.transactional(), or the
  // unit of work when a flush runs in a transaction of its own.
  const recording = new WeakSet<object>();
  const subscriber: EventSubscriber = {
    onFlush({ em, uow }: FlushEventArgs) {
      const records = uow.getChangeSets().some((change) => change.type === ChangeSetType.CREATE && change.meta.className === OutboxEvent.meta.className);
      if (records) recording.add(em.isInTransaction() ? (em.getTransactionContext() as object) : uow);
    },
    async beforeTransactionCommit({ em, transaction, uow }: TransactionEventArgs) {
      const key = uow && recording.has(uow) ? uow : transaction && recording.has(transaction) ? transaction : null;
      if (!key || !transaction) return;
      recording.delete(key);
      await numberPending(em.getConnection('write'), transaction, stream, lockStreamRow);
    },
    afterTransactionRollback({ transaction, uow }: TransactionEventArgs) {
      if (uow) recording.delete(uow);
      if (transaction) recording.delete(transaction);
    },
  };
  orm.em.getEventManager().registerSubscriber(subscriber);
}

/** Gives every committed-or-own row without a position the next positions, in insertion order. */
async function numberPending(connection: Connection, transaction: Transaction, stream: string, lockStreamRow: boolean): Promise<void> {
  const lock = lockStreamRow ? ' for update' : '';
  let [state] = await connection.execute<{ last_position: number | string }[]>(`select last_position from stream_state where name = ?${lock}`, [stream], 'all', transaction);
  if (!state) {
    // The stream's first event ever: the row is made (a racing writer's insert is ignored) and locked.
    await connection.execute('insert into stream_state (name, last_position) values (?, 0) on conflict (name) do nothing', [stream], 'run', transaction);
    [state] = await connection.execute<{ last_position: number | string }[]>(`select last_position from stream_state where name = ?${lock}`, [stream], 'all', transaction);
  }
  const last = Number(state.last_position);
  // A statement of its own after the lock is held, so (read committed) it sees every row committed
  // before; any other numbering waits for the lock, so no row is numbered twice.
  const numbered = await connection.execute<{ stream_position: number | string }[]>(
    `update outbox_event set stream_position = ? + pending.n
       from (select seq, row_number() over (order by seq) as n from outbox_event where stream_position is null) as pending
      where outbox_event.seq = pending.seq
      returning outbox_event.stream_position`,
    [last],
    'all',
    transaction,
  );
  if (numbered.length === 0) return;
  await connection.execute('update stream_state set last_position = ? where name = ?', [last + numbered.length, stream], 'run', transaction);
}
