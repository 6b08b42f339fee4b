// Visibility and edit rights of job orders (001 §5.1): owner, collaboration member, the mediated
// citizen's jobcentre, an unrelated jobcentre, an a-kasse, an analyst and the system role.
import type { Identity } from '../../../../core/identity';
import { canEditOrder, canMediateTo, canSeeMediation, canSeeOrder, isCoordinator, mediationGrantsReadAccess, type OrderAccessFacts } from '..';

const who = (role: Identity['role'], authority: string): Identity => ({ role, authority, subject: `${role}-${authority}` });
const collaborationOf: Record<string, string> = { 'JOBCENTRE:101': 'c1', 'JOBCENTRE:147': 'c1', 'AKASSE:21': 'c1' };

function facts(identity: Identity, isInternal: boolean): OrderAccessFacts {
  const key = identity.role === 'caseworker' ? `JOBCENTRE:${identity.authority}` : identity.role === 'akasse' ? `AKASSE:${identity.authority}` : '';
  return {
    isInternal,
    ownerKey: 'JOBCENTRE:101',
    coordinatorKey: 'JOBCENTRE:101',
    ownerCollaborationId: 'c1',
    callerCollaborationId: collaborationOf[key] ?? null,
    mediatedCitizensJobcentres: ['461'],
  };
}

const callers = {
  owner: who('caseworker', '101'),
  collaborationMember: who('caseworker', '147'),
  collaborationAkasse: who('akasse', '21'),
  mediatedCitizensJobcentre: who('caseworker', '461'),
  unrelatedJobcentre: who('caseworker', '751'),
  unrelatedAkasse: who('akasse', '5'),
  analyst: who('analyst', 'STAR'),
  system: who('system', 'STAR'),
};

// [see, edit, mediate] for an internal order, then for a public one.
const MATRIX: Record<keyof typeof callers, [[boolean, boolean, boolean], [boolean, boolean, boolean]]> = {
  owner: [[true, true, true], [true, true, true]],
  collaborationMember: [[true, true, true], [true, true, true]],
  collaborationAkasse: [[true, true, true], [true, true, true]],
  mediatedCitizensJobcentre: [[true, false, false], [true, false, true]],
  unrelatedJobcentre: [[false, false, false], [true, false, true]],
  unrelatedAkasse: [[false, false, false], [true, false, true]],
  analyst: [[false, false, false], [true, false, false]],
  system: [[true, true, true], [true, true, true]],
};

describe.each(Object.entries(MATRIX))('%s', (name, [internal, pub]) => {
  const identity = callers[name as keyof typeof callers];
  it('internal order: see, edit, mediate', () => {
    const f = facts(identity, true);
    expect([canSeeOrder(identity, f), canEditOrder(identity, f), canMediateTo(identity, f)]).toEqual(internal);
  });
  it('public order: see, edit, mediate', () => {
    const f = facts(identity, false);
    expect([canSeeOrder(identity, f), canEditOrder(identity, f), canMediateTo(identity, f)]).toEqual(pub);
  });
});

it('tells an a-kasse number apart from an equal municipality code', () => {
  const akasse101 = who('akasse', '101');
  expect(canSeeOrder(akasse101, { ...facts(akasse101, true), callerCollaborationId: null })).toBe(false);
});

it('lets only the coordinator (or STAR) approve candidates', () => {
  expect(isCoordinator(callers.owner, facts(callers.owner, true))).toBe(true);
  expect(isCoordinator(callers.collaborationMember, facts(callers.collaborationMember, true))).toBe(false);
  expect(isCoordinator(callers.system, facts(callers.system, true))).toBe(true);
});

describe('mediations name citizens', () => {
  const m = { personJobcentre: '461', mediatedBy: 'JOBCENTRE:751', personAkasser: ['5'] };
  it('are seen by primary authorities, the citizen’s jobcentre, its a-kasse and whoever mediated', () => {
    const pub = (i: Identity) => canSeeMediation(i, facts(i, false), m);
    expect(pub(callers.owner)).toBe(true);
    expect(pub(callers.mediatedCitizensJobcentre)).toBe(true);
    expect(pub(callers.unrelatedJobcentre)).toBe(true); // it mediated the candidate
    expect(pub(callers.unrelatedAkasse)).toBe(true); // the candidate's a-kasse
    expect(pub(who('caseworker', '860'))).toBe(false);
    expect(pub(who('akasse', '9'))).toBe(false);
  });
  it('of an internal order stay hidden from those who may not see the order', () => {
    expect(canSeeMediation(callers.unrelatedAkasse, facts(callers.unrelatedAkasse, true), m)).toBe(false);
    expect(canSeeMediation(callers.analyst, facts(callers.analyst, true), m)).toBe(false);
  });
});

describe('read access through a mediated citizen', () => {
  it('is granted to a jobcentre outside the collaboration, for internal orders only', () => {
    expect(mediationGrantsReadAccess(facts(callers.owner, true), '461', null)).toBe(true);
    expect(mediationGrantsReadAccess(facts(callers.owner, true), '147', 'c1')).toBe(false);
    expect(mediationGrantsReadAccess(facts(callers.owner, true), '101', 'c1')).toBe(false);
    expect(mediationGrantsReadAccess(facts(callers.owner, false), '461', null)).toBe(false);
  });
});
