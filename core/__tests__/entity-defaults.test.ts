// A new row of a defineEntity entity starts as the former classes' initialisers started it: null,
// or the column's default, already in em.create (code reads them before the flush) and in the DDL.
import { defineEntity, EntitySchema, MikroORM, p } from '@mikro-orm/core';
import { ormOptions } from '../db';
import { startsAs, startsNull } from '../entity-defaults';

const Row = defineEntity({
  name: 'Row',
  properties: {
    id: p.string().length(36).primary(),
    end: startsNull(p.string().length(10)),
    status: startsAs(p.string().$type<'ACTIVE' | 'ENDED'>().length(16), 'ACTIVE'),
    flagged: startsAs(p.boolean(), false),
  },
});

let orm: MikroORM;
beforeAll(async () => {
  orm = await MikroORM.init(ormOptions({ subgraph: 'test', target: { kind: 'sqlite', location: ':memory:' }, entities: [Row as EntitySchema], migrations: { sqlite: [], postgresql: [] } }));
  await orm.schema.updateSchema();
});
afterAll(() => orm.close());

it('gives a new row its starting values in em.create, and keeps values given explicitly', () => {
  const em = orm.em.fork();
  expect(em.create(Row, { id: 'a' })).toMatchObject({ end: null, status: 'ACTIVE', flagged: false });
  expect(em.create(Row, { id: 'b', end: '2026-12-01', status: 'ENDED', flagged: true })).toMatchObject({ end: '2026-12-01', status: 'ENDED', flagged: true });
});

it('declares the column defaults and nullability in the schema', async () => {
  const sql = await orm.schema.getCreateSchemaSQL({ wrap: false });
  expect(sql).toContain("`end` text null");
  expect(sql).toContain("`status` text not null default 'ACTIVE'");
  expect(sql).toContain('`flagged` integer not null default false');
});
