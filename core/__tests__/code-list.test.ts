import { codeList } from '../code-list';

const rows = [
  { id: 1, name: 'one' },
  { id: 2, name: 'two' },
];

describe('codeList', () => {
  const list = codeList(rows, (r) => r.id, (id) => new Error(`unknown ${id}`));

  it('finds an entry by its key', () => {
    expect(list.get(2).name).toBe('two');
    expect(list.find(1)?.name).toBe('one');
    expect(list.all).toBe(rows);
  });

  it("refuses an unknown key with the list's own error, or answers undefined when asked to find", () => {
    expect(() => list.get(3)).toThrow('unknown 3');
    expect(list.find(3)).toBeUndefined();
  });

  it('refuses a table that has a key twice', () => {
    expect(() => codeList([...rows, { id: 1, name: 'again' }], (r) => r.id, () => new Error('x'))).toThrow('Code list has 1 twice');
  });
});
