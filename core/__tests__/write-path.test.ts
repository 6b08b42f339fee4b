// The shared write mechanics, on a real SQLite database: the row re-read fresh, a unique violation
// mapped to the domain error, and a lost race retried until it wins or the attempts run out.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MikroORM, OptimisticLockError, UniqueConstraintViolationException, type EntitySchema } from '@mikro-orm/core';
import { ormOptions } from '../db';
import { DomainError } from '../errors';
import { isUniqueViolation, lockRow, retryOnLostRace, uniquely } from '../write-path';
import { Note, NoteSchema } from './note-entity';

let orm: MikroORM;
beforeAll(async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'write-path-'));
  orm = await MikroORM.init(
    ormOptions({ subgraph: 'test', target: { kind: 'sqlite', location: path.join(dir, 'notes.sqlite') }, entities: [NoteSchema as EntitySchema], migrations: { sqlite: [], postgresql: [] } }),
  );
  await orm.schema.updateSchema();
});
afterAll(() => orm.close());

const lost = () => new UniqueConstraintViolationException(new Error('UNIQUE constraint failed'));

it('re-reads a row as committed, not as the identity map holds it', async () => {
  const em = orm.em.fork();
  em.create(Note, { id: 1, text: 'first' });
  await em.flush();
  await orm.em.fork().nativeUpdate(Note, { id: 1 }, { text: 'changed elsewhere' });
  expect((await em.findOneOrFail(Note, { id: 1 })).text).toBe('first');
  expect((await em.transactional((tx) => lockRow(tx, Note, { id: 1 }))).text).toBe('changed elsewhere');
});

it('maps a unique violation to the domain error, and lets every other failure through', async () => {
  const conflict = () => new DomainError('ALREADY_THERE', 'Already there.');
  await expect(uniquely(() => Promise.reject(lost()), conflict)).rejects.toMatchObject({ code: 'ALREADY_THERE' });
  await expect(uniquely(() => Promise.reject(new Error('disk full')), conflict)).rejects.toThrow('disk full');
  await expect(uniquely(() => Promise.resolve(7), conflict)).resolves.toBe(7);
  const em = orm.em.fork();
  em.create(Note, { id: 2, text: 'a' });
  await em.flush();
  const again = orm.em.fork();
  again.create(Note, { id: 2, text: 'b' });
  await expect(again.flush().catch((error: unknown) => Promise.reject(isUniqueViolation(error) ? new Error('unique') : error))).rejects.toThrow('unique');
});

it('retries a lost race until it wins, and gives up after the attempts with the caller\'s error', async () => {
  let calls = 0;
  await expect(retryOnLostRace(async () => (++calls < 3 ? Promise.reject(lost()) : 'won'))).resolves.toBe('won');
  expect(calls).toBe(3);

  calls = 0;
  const exhausted = () => new DomainError('CONCURRENT_MODIFICATION', 'Retry.');
  await expect(retryOnLostRace(async () => (calls++, Promise.reject(new OptimisticLockError('changed'))), { attempts: 4, exhausted })).rejects.toMatchObject({ code: 'CONCURRENT_MODIFICATION' });
  expect(calls).toBe(4);

  calls = 0;
  await expect(retryOnLostRace(async () => (calls++, Promise.reject(new Error('disk full'))))).rejects.toThrow('disk full');
  expect(calls).toBe(1);
});
