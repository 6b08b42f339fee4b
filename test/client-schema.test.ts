// The checked-in client schema must be what composing today's subgraph schemas gives, describe
// everything a front end sees, and change only through the breaking-change gate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildSchema } from 'graphql';
import { readClientSchema, undescribed } from '../gateway/client-schema';
import { composeSupergraph } from '../gateway/compose';
import { updateClientSchema } from '../gateway/schema-changes';

describe('schema.graphql (the client schema)', () => {
  const { clientSchemaSdl } = composeSupergraph();

  it('is up to date with the subgraph schemas (run `npm run compose` when this fails)', () => {
    expect(readClientSchema()).toBe(clientSchemaSdl);
  });

  it('carries no federation internals', () => {
    expect(clientSchemaSdl).not.toMatch(/join__|link__|@key|@external|@requires|@shareable|_Entity|_service/);
  });

  it('describes every type, field, argument and enum value', () => {
    expect(undescribed(buildSchema(clientSchemaSdl))).toEqual([]);
  });
});

describe('the breaking-change gate', () => {
  const PREVIOUS = '"""A person."""\ntype Person {\n  """Id."""\n  id: ID!\n  """Name."""\n  name: String\n}\n\n"""Root."""\ntype Query {\n  """One person."""\n  person: Person\n}\n';
  const WITHOUT_NAME = PREVIOUS.replace('  """Name."""\n  name: String\n', '');
  const WITH_EMAIL = PREVIOUS.replace('  name: String\n', '  name: String\n  """E-mail."""\n  email: String\n');
  let dir: string;
  let schemaPath: string;
  let logPath: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-schema-'));
    schemaPath = path.join(dir, 'schema.graphql');
    logPath = path.join(dir, 'schema-changes.md');
    fs.writeFileSync(schemaPath, PREVIOUS);
    fs.writeFileSync(logPath, '# log\n\n');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('refuses a removed field and writes nothing', async () => {
    const result = await updateClientSchema({ schemaPath, logPath, nextSdl: WITHOUT_NAME, today: '2026-11-30' });
    expect(result.written).toBe(false);
    expect(result.breaking).toEqual(["Person.name: Field 'name' was removed from object type 'Person'"]);
    expect(fs.readFileSync(schemaPath, 'utf8')).toBe(PREVIOUS);
    expect(fs.readFileSync(logPath, 'utf8')).toBe('# log\n\n');
  });

  it('refuses a removed field marked deliberate with an empty reason', async () => {
    const result = await updateClientSchema({ schemaPath, logPath, nextSdl: WITHOUT_NAME, deliberate: '', today: '2026-11-30' });
    expect(result.written).toBe(false);
    expect(fs.readFileSync(schemaPath, 'utf8')).toBe(PREVIOUS);
  });

  it('writes a deliberate removal and logs it with the reason and the date', async () => {
    const result = await updateClientSchema({ schemaPath, logPath, nextSdl: WITHOUT_NAME, deliberate: 'names move to the CPR register', today: '2026-11-30' });
    expect(result.written).toBe(true);
    expect(fs.readFileSync(schemaPath, 'utf8')).toBe(WITHOUT_NAME);
    expect(fs.readFileSync(logPath, 'utf8')).toBe(
      "# log\n\n## 2026-11-30: names move to the CPR register\n\n- Person.name: Field 'name' was removed from object type 'Person'\n\n",
    );
  });

  it('writes an added optional field without a mark and logs nothing', async () => {
    const result = await updateClientSchema({ schemaPath, logPath, nextSdl: WITH_EMAIL, today: '2026-11-30' });
    expect(result).toEqual({ written: true, breaking: [], dangerous: [] });
    expect(fs.readFileSync(schemaPath, 'utf8')).toBe(WITH_EMAIL);
    expect(fs.readFileSync(logPath, 'utf8')).toBe('# log\n\n');
  });

  it('writes the first client schema when there is none yet', async () => {
    fs.rmSync(schemaPath);
    const result = await updateClientSchema({ schemaPath, logPath, nextSdl: PREVIOUS, today: '2026-11-30' });
    expect(result.written).toBe(true);
    expect(fs.readFileSync(schemaPath, 'utf8')).toBe(PREVIOUS);
  });
});
