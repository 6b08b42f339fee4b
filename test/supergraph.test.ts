// The checked-in supergraph must be exactly what composing today's subgraph schemas gives.
import { composeSupergraph, readSupergraph } from '../gateway/compose';

describe('supergraph.graphql', () => {
  it('is up to date with the subgraph schemas (run `npm run compose` when this fails)', () => {
    const { supergraphSdl } = composeSupergraph();
    expect(readSupergraph()).toBe(supergraphSdl);
  });

  it('composes without hints', () => {
    expect(composeSupergraph().hints).toEqual([]);
  });
});
