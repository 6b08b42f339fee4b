// The CPR audit trail: every person shown in clear in a request gets one row, and a whole list's
// rows go to the database in one statement however long the list (a caseworker's 100, the system
// role's 1,000), so auditing never turns a list into hundreds of round trips.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { EntitySchema, MikroORM } from '@mikro-orm/core';
import { CprAccess, CprAuditTrail } from '../audit';
import { ManualClock } from '../clock';
import { ormOptions } from '../db';

let dir: string;
let orm: MikroORM;
const statements: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dfdg-audit-'));
  orm = await MikroORM.init(
    ormOptions({
      subgraph: 'test',
      target: { kind: 'sqlite', location: path.join(dir, 'audit.sqlite') },
      entities: [CprAccess as EntitySchema],
      migrations: { sqlite: [], postgresql: [] },
      onQuery: (sql) => statements.push(sql),
    }),
  );
  await orm.schema.updateSchema();
});
afterAll(async () => {
  await orm.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it('writes the rows of a 1,000-person list in one insert, one row per person, the same person once', async () => {
  const trail = new CprAuditTrail(orm.em.fork(), {
    clock: new ManualClock('2026-11-23T09:00:00Z'),
    identity: { subject: 'batch-job', role: 'system', authority: 'STAR' },
    clientOperation: 'query CaseworkerList',
    requestId: 'r1',
  });
  const persons = Array.from({ length: 1000 }, () => randomUUID());
  statements.length = 0;
  await Promise.all([...persons, persons[0]].map((id) => trail.record(id)));
  expect(statements.filter((sql) => /^insert/i.test(sql))).toHaveLength(1);
  expect(await orm.em.fork().count(CprAccess, { requestId: 'r1' })).toBe(1000);
});
