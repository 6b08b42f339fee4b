// The front-end settings a deployment writes by hand (docs/front-ends.md): a wrong one stops the
// start with a message naming the value or file, instead of a gateway that silently allows nothing
// or everything.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { corsOrigins } from '../cors';
import { readManifest, trustedDocumentsFrom } from '../trusted-documents';

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'front-end-config-'));
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));
const file = (name: string, content: string) => {
  const at = path.join(folder, name);
  fs.writeFileSync(at, content);
  return at;
};

describe('CORS_ORIGINS', () => {
  it('takes comma-separated origins, none by default', () => {
    expect(corsOrigins(undefined)).toEqual([]);
    expect(corsOrigins(' https://a.example.dk, http://localhost:5173 ')).toEqual(['https://a.example.dk', 'http://localhost:5173']);
  });

  it.each(['*', 'https://a.example.dk/', 'https://a.example.dk/app', 'a.example.dk'])('refuses %s, naming it', (value) => {
    expect(() => corsOrigins(value)).toThrow(`CORS_ORIGINS: "${value}" is not an origin`);
  });
});

describe('TRUSTED_DOCUMENTS', () => {
  it('reads both manifest formats into one registry', () => {
    const codegen = file('codegen.json', JSON.stringify({ abc: 'query A { contactGroups { id } }' }));
    const apollo = file('apollo.json', JSON.stringify({ format: 'apollo-persisted-query-manifest', version: 1, operations: [{ id: 'def', name: 'B', type: 'query', body: 'query B { absenceTypes { id } }' }] }));
    const trusted = trustedDocumentsFrom(`${codegen},${apollo}`, 'caseworker');
    expect(trusted.lookup('abc')).toBe('query A { contactGroups { id } }');
    expect(trusted.lookup('def')).toBe('query B { absenceTypes { id } }');
    expect([...trusted.requiredFor]).toEqual(['caseworker']);
  });

  it('refuses a file that is not JSON, not a manifest, or has an empty entry, naming the file', () => {
    for (const [name, content] of [['bad.json', '{'], ['list.json', '[]'], ['empty-body.json', '{"abc": ""}'], ['wrong-version.json', '{"format":"apollo-persisted-query-manifest","version":2,"operations":[]}']]) {
      const at = file(name, content);
      expect(() => readManifest(at)).toThrow(at);
    }
  });

  it('refuses an unknown role, and required roles without any manifest', () => {
    const codegen = file('one.json', JSON.stringify({ abc: '{ contactGroups { id } }' }));
    expect(() => trustedDocumentsFrom(codegen, 'caseworker,boss')).toThrow('unknown role boss');
    expect(() => trustedDocumentsFrom(undefined, 'caseworker')).toThrow('TRUSTED_DOCUMENTS names no manifest');
  });
});
