// Addressing an event with a subgraph's own dispatch table, and the table's typing by event kind.
import { dispatcher } from '../dispatch-rules';
import type { DispatchTable } from '../recipients';

type Kind = 'SEEN' | 'NAMED_ONLY' | 'SILENT';

const TABLE: DispatchTable<Kind> = {
  SEEN: ['PERSON_JOBCENTRE', 'PERSON_AKASSER'],
  NAMED_ONLY: ['NAMED'],
  SILENT: [],
};
const address = dispatcher(TABLE);
const person = { municipalityCode: '101', akasser: ['21', '08', '21'] };

describe('dispatcher', () => {
  it("sends a kind to the person's jobcentre and every a-kasse, once each, sorted", () => {
    expect(address('SEEN', person)).toEqual({ jobcentres: ['101'], akasser: ['08', '21'] });
  });

  it('adds the authorities the event names only where the row says NAMED', () => {
    const named = { jobcentres: ['147'], akasser: ['99'] };
    expect(address('NAMED_ONLY', person, named)).toEqual({ jobcentres: ['147'], akasser: ['99'] });
    expect(address('SEEN', person, named)).toEqual({ jobcentres: ['101'], akasser: ['08', '21'] });
  });

  it('sends a kind with an empty row to no authority (the system role hears everything)', () => {
    expect(address('SILENT', person)).toEqual({ jobcentres: [], akasser: [] });
  });

  it('without a person, reaches only named authorities', () => {
    expect(address('SEEN', null, { jobcentres: ['147'] })).toEqual({ jobcentres: [], akasser: [] });
  });

  it('sends a kind that slipped past the types (a cast) to no authority: fails closed', () => {
    expect(address('UNKNOWN' as Kind, person)).toEqual({ jobcentres: [], akasser: [] });
  });

  it('refuses to compile a misspelled kind or a table that misses one', () => {
    // @ts-expect-error a kind this subgraph does not emit
    expect(address('SEEN_TYPO', person)).toEqual({ jobcentres: [], akasser: [] });
    // @ts-expect-error SILENT has no row
    const missing: DispatchTable<Kind> = { SEEN: [], NAMED_ONLY: [] };
    expect(missing).toBeDefined();
  });
});
