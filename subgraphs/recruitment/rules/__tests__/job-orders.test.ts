// Job orders v3 (001 §5.1): defaults, limits, coordinator, release and back, retired titles (003),
// and the import of orders that existed before v3.
import { toIsoDate } from '../../../../core/dates';
import type { Identity } from '../../../../core/identity';
import { occupationCatalog } from '../../../common/occupations';
import { planJobOrderUpdate, statusChangeActionType, validateImport, validateNewJobOrder, type CurrentJobOrder, type NewJobOrderInput } from '..';
import { errorCodeOf } from './error-code-of';

const catalog = occupationCatalog();
const caseworker: Identity = { role: 'caseworker', authority: '101', subject: 'cw' };
const akasse: Identity = { role: 'akasse', authority: '21', subject: 'ak' };
const system: Identity = { role: 'system', authority: 'STAR', subject: 'jobag' };
const base: NewJobOrderInput = { title: 'Social- og sundhedshjælper', description: 'Dagvagt i hjemmeplejen.' };
const create = (input: Partial<NewJobOrderInput>, who: Identity = caseworker) => validateNewJobOrder({ ...base, ...input }, who, catalog);

describe('creating a job order', () => {
  it('is internal by default when a caseworker system (jobcentre or a-kasse) creates it', () => {
    expect(create({}).isInternal).toBe(true);
    expect(create({}, akasse).isInternal).toBe(true);
    expect(create({ isInternal: false }).isInternal).toBe(false);
  });

  it('is owned by the creating jobcentre or a-kasse', () => {
    expect(create({}).owner).toEqual({ kind: 'JOBCENTRE', code: '101' });
    expect(create({}, akasse).owner).toEqual({ kind: 'AKASSE', code: '21' });
  });

  it('takes a task description of 5000 characters and refuses 5001', () => {
    expect(errorCodeOf(() => create({ description: 'æ'.repeat(5000) }))).toBeNull();
    expect(errorCodeOf(() => create({ description: 'æ'.repeat(5001) }))).toBe('DESCRIPTION_TOO_LONG');
    expect(errorCodeOf(() => create({ description: '   ' }))).toBe('DESCRIPTION_REQUIRED');
  });

  it('takes an optional, positive whole number of positions', () => {
    expect(create({}).numberOfPositions).toBeNull();
    expect(create({ numberOfPositions: 3 }).numberOfPositions).toBe(3);
    for (const bad of [0, -1, 1.5, 10_000]) expect(errorCodeOf(() => create({ numberOfPositions: bad }))).toBe('NUMBER_OF_POSITIONS_INVALID');
  });

  it('attaches the caseworker as coordinator when RecruitmentCaseWorkerAllowed is set', () => {
    expect(create({}).coordinatorKey).toBeNull();
    expect(create({ caseWorkerAllowed: true })).toMatchObject({ caseWorkerAllowed: true, coordinatorKey: 'JOBCENTRE:101' });
  });

  it("always gives an employer's order a coordinator at the responsible jobcentre", () => {
    expect(create({ responsibleJobcentre: '147' }, system)).toMatchObject({ origin: 'EMPLOYER', caseWorkerAllowed: true, coordinatorKey: 'JOBCENTRE:147', owner: { kind: 'JOBCENTRE', code: '147' } });
    expect(errorCodeOf(() => create({ responsibleJobcentre: '147', caseWorkerAllowed: false }, system))).toBe('COORDINATOR_REQUIRED');
    expect(errorCodeOf(() => create({}, system))).toBe('RESPONSIBLE_JOBCENTRE_REQUIRED');
  });

  it('refuses a retired occupation title and converts an old DiscoAMS08 title to ESCO-STAR', () => {
    expect(errorCodeOf(() => create({ occupationCode: '4132.1' }))).toBe('OCCUPATION_RETIRED');
    expect(errorCodeOf(() => create({ occupationCode: '932910' }))).toBe('OCCUPATION_RETIRED');
    expect(errorCodeOf(() => create({ occupationCode: '9999.9' }))).toBe('UNKNOWN_OCCUPATION');
    expect(create({ occupationCode: '532210' }).occupation).toEqual({ code: '5322.1', classification: 'ESCO_STAR', originalCode: '532210' });
    expect(create({ occupationCode: '5322.1' }).occupation).toEqual({ code: '5322.1', classification: 'ESCO_STAR', originalCode: null });
  });
});

const current: CurrentJobOrder = {
  title: 'Svejser',
  description: 'Svejsning af stålkonstruktioner.',
  occupationCode: '7212.1',
  occupationClassification: 'ESCO_STAR',
  isInternal: true,
  numberOfPositions: null,
  caseWorkerAllowed: false,
  coordinatorKey: null,
  origin: 'CASEWORKER_SYSTEM',
  status: 'OPEN',
};

describe('updating a job order', () => {
  it('releases to the national list (10) and makes it internal again (11), as updates', () => {
    expect(planJobOrderUpdate(current, { isInternal: false }, caseworker, catalog)).toEqual({ changes: { isInternal: false }, actionTypes: [10] });
    expect(planJobOrderUpdate({ ...current, isInternal: false }, { isInternal: true }, caseworker, catalog).actionTypes).toEqual([11]);
  });

  it('records a content change as 4, before a release in the same update', () => {
    expect(planJobOrderUpdate(current, { description: 'Ny tekst.', isInternal: false }, caseworker, catalog).actionTypes).toEqual([4, 10]);
  });

  it('changes nothing and records nothing when the input repeats what the order has', () => {
    expect(planJobOrderUpdate(current, { isInternal: true, description: current.description }, caseworker, catalog)).toEqual({ changes: {}, actionTypes: [] });
  });

  it('clears the number of positions with an explicit null and refuses 5001 characters', () => {
    expect(planJobOrderUpdate({ ...current, numberOfPositions: 2 }, { numberOfPositions: null }, caseworker, catalog).changes).toEqual({ numberOfPositions: null });
    expect(errorCodeOf(() => planJobOrderUpdate(current, { description: 'x'.repeat(5001) }, caseworker, catalog))).toBe('DESCRIPTION_TOO_LONG');
  });

  it('demands a valid title when the order carries a retired one', () => {
    const retired = { ...current, occupationCode: '932910', occupationClassification: 'DISCO_AMS08' as const };
    expect(errorCodeOf(() => planJobOrderUpdate(retired, { isInternal: false }, caseworker, catalog))).toBe('VALID_OCCUPATION_REQUIRED');
    expect(errorCodeOf(() => planJobOrderUpdate(retired, { occupationCode: '4132.1' }, caseworker, catalog))).toBe('OCCUPATION_RETIRED');
    expect(planJobOrderUpdate(retired, { occupationCode: '9333.1', isInternal: false }, caseworker, catalog)).toEqual({
      changes: { occupationCode: '9333.1', occupationClassification: 'ESCO_STAR', originalOccupationCode: '932910', isInternal: false },
      actionTypes: [4, 10],
    });
  });

  it('keeps the coordinator of an employer order', () => {
    const employer = { ...current, origin: 'EMPLOYER' as const, caseWorkerAllowed: true, coordinatorKey: 'JOBCENTRE:101' };
    expect(errorCodeOf(() => planJobOrderUpdate(employer, { caseWorkerAllowed: false }, caseworker, catalog))).toBe('COORDINATOR_REQUIRED');
    expect(planJobOrderUpdate(current, { caseWorkerAllowed: true }, caseworker, catalog).changes).toEqual({ caseWorkerAllowed: true, coordinatorKey: 'JOBCENTRE:101' });
  });

  it('refuses any edit of a closed order', () => {
    expect(errorCodeOf(() => planJobOrderUpdate({ ...current, status: 'CLOSED' }, { description: 'x' }, caseworker, catalog))).toBe('JOB_ORDER_CLOSED');
  });
});

describe('status', () => {
  it('closes with 5, puts on hold and reopens with 7, and never reopens a closed order', () => {
    expect(statusChangeActionType('OPEN', 'CLOSED')).toBe(5);
    expect(statusChangeActionType('OPEN', 'ON_HOLD')).toBe(7);
    expect(statusChangeActionType('ON_HOLD', 'OPEN')).toBe(7);
    expect(errorCodeOf(() => statusChangeActionType('CLOSED', 'OPEN'))).toBe('JOB_ORDER_CLOSED');
  });
});

describe('orders existing before v3', () => {
  const old = { legacyId: 'JO-2019-001', title: 'Fabriksarbejder', description: 'Pakning.', occupationCode: '932910', owningJobcentre: '101', hasCoordinator: false, createdAt: new Date('2020-05-04T08:00:00Z') };

  it('become public whatever they were, and carry their retired title until edited', () => {
    expect(validateImport(old, catalog, toIsoDate)).toMatchObject({ isInternal: false, origin: 'IMPORTED_BEFORE_V3', occupation: { code: '932910', classification: 'DISCO_AMS08' } });
  });

  it('convert a mapped DiscoAMS08 title, keeping the original for audit', () => {
    expect(validateImport({ ...old, occupationCode: '512020' }, catalog, toIsoDate).occupation).toEqual({ code: '5120.1', classification: 'ESCO_STAR', originalCode: '512020' });
  });

  it('are only those created before the v3 release of 15 March 2021', () => {
    expect(errorCodeOf(() => validateImport({ ...old, createdAt: new Date('2021-03-14T12:00:00Z') }, catalog, toIsoDate))).toBeNull();
    expect(errorCodeOf(() => validateImport({ ...old, createdAt: new Date('2021-03-15T08:00:00Z') }, catalog, toIsoDate))).toBe('IMPORT_NOT_BEFORE_V3');
  });
});
