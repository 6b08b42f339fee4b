// The rule table against the seeds, type by type and contact group by contact group.
import { ABSENCE_TYPE_RULES, absenceTypeById, displayName, reactionFor, validateRegistration } from '..';
import { codeOf } from '../../../../test/support/codes';

/** Every id DOMAIN.md lists, plus the two 'Jobrettet uddannelse' types of seed 002. */
const SEED_IDS = [6, 7, 8, 11, 21, 25, 43, 44, 45, 46, 49, 54, 58, 65, 71, 72, 73, 75, 77, 78, 79, 80, 901, 902];
const RETIRED = [25, 49, 54, 58];

/** The groups the seeds state per type, written out here independently of the table. */
const LAB_106 = [1, 2, 7, 12, 26, 27, 28, 29];
const SEED_GROUPS: Record<number, number[] | 'any'> = {
  6: 'any', 7: 'any', 8: 'any', 11: 'any', 21: 'any',
  43: [...LAB_106, 10], 44: [...LAB_106, 10], 45: [...LAB_106, 10], 46: [...LAB_106, 10], 73: [...LAB_106, 10], // 001 §2.4
  71: [...LAB_106, 10, 4, 5], 72: [...LAB_106, 10, 4, 5], 78: [...LAB_106, 10, 4, 5], // 001 §2.5
  77: [1, 2, 7, 26, 27, 28, 29, 10], // all §106 groups except 12
  65: [1], 75: [1],
  79: [2, 4, 5, 7, 10, 11, 12, 13, 14, 15, 16, 17, 21, 22, 26, 27, 28, 29], // 001 §2.1
  80: [1, 2, 4, 5, 7, 11, 12, 13, 14, 15, 16, 17, 21, 22, 24, 25, 26, 28], // 001 §2.2
  901: [1], 902: [1], // 002: dagpengemodtagere
};
/** A representative set: every group some rule names, and ones no rule names. */
const GROUPS = [1, 2, 4, 5, 6, 7, 10, 11, 12, 13, 14, 16, 17, 22, 23, 24, 25, 26, 27, 28, 29];

const TODAY = '2026-11-23';

it('holds every absence type of the seeds, once', () => {
  expect(ABSENCE_TYPE_RULES.map((t) => t.id).sort((a, b) => a - b)).toEqual(SEED_IDS);
  expect(new Set(ABSENCE_TYPE_RULES.map((t) => t.id)).size).toBe(ABSENCE_TYPE_RULES.length);
});

it('keeps "never overlaps" symmetric: 8 never overlaps 79 and 79 never overlaps 8', () => {
  for (const type of ABSENCE_TYPE_RULES) {
    for (const other of type.noOverlapWith) expect(absenceTypeById(other).noOverlapWith).toContain(type.id);
  }
  expect(absenceTypeById(79).noOverlapWith).toEqual([8]);
});

describe.each(ABSENCE_TYPE_RULES.map((t) => [t.id, t.name] as const))('type %i %s', (typeId) => {
  const type = absenceTypeById(typeId);
  const start = type.validFrom && type.validFrom > TODAY ? type.validFrom : TODAY;
  const end = type.maxDuration ? start : null;

  it.each(GROUPS)('in contact group %i', (group) => {
    const expected = RETIRED.includes(typeId)
      ? 'ABSENCE_TYPE_RETIRED'
      : SEED_GROUPS[typeId] === 'any' || (SEED_GROUPS[typeId] as number[]).includes(group)
        ? 'OK'
        : 'ABSENCE_TYPE_NOT_ALLOWED_FOR_CONTACT_GROUP';
    expect(codeOf(() => validateRegistration({ typeId, start, end, contactGroups: { contactGroups: [], contactGroupId: group, contactGroupStart: null }, today: TODAY, existingAbsences: [] }))).toBe(expected);
  });

  it.each(GROUPS)('on a change to contact group %i', (group) => {
    const held = [79, 65].includes(typeId) && [24, 25].includes(group); // 001 §2.1, §2.7
    const allowed = SEED_GROUPS[typeId] === undefined || SEED_GROUPS[typeId] === 'any' || (SEED_GROUPS[typeId] as number[]).includes(group);
    expect(reactionFor(typeId, group)).toBe(held ? 'HOLD' : allowed ? 'STAY' : 'END');
  });

  it('needs an open contact group', () => {
    const expected = RETIRED.includes(typeId) ? 'ABSENCE_TYPE_RETIRED' : 'NO_OPEN_CONTACT_GROUP';
    expect(codeOf(() => validateRegistration({ typeId, start, end, contactGroups: { contactGroups: [], contactGroupId: null, contactGroupStart: null }, today: TODAY, existingAbsences: [] }))).toBe(expected);
  });
});

it('79 and 80 are shown to citizens as "Ukendt"; the others by name', () => {
  for (const type of ABSENCE_TYPE_RULES) expect(displayName(type)).toBe([79, 80].includes(type.id) ? 'Ukendt' : type.name);
});

it('79 exempts from registration, CV, referred work, contact course, right/duty offers, offers and joblog (001 §2.1)', () => {
  expect([...absenceTypeById(79).exemptions].sort()).toEqual(['CONTACT_COURSE', 'CV', 'JOBLOG', 'OFFERS', 'REFERRED_WORK', 'REGISTRATION', 'RIGHT_DUTY_OFFERS']);
});

it('80 exempts from attendance, referred work, right/duty offers, offers and joblog (001 §2.2)', () => {
  expect([...absenceTypeById(80).exemptions].sort()).toEqual(['ATTENDANCE', 'JOBLOG', 'OFFERS', 'REFERRED_WORK', 'RIGHT_DUTY_OFFERS']);
});

it('77 never exempts from the CV requirement or its searchability (001 §2.9)', () => {
  expect(absenceTypeById(77).exemptions).not.toContain('CV');
  expect(absenceTypeById(77).exemptions).not.toContain('CV_SEARCHABLE');
});

it('43, 44, 45 and 46 carry the middle CV level (003): registered, not searchable; no other type does', () => {
  const carriers = ABSENCE_TYPE_RULES.filter((type) => type.exemptions.includes('CV_SEARCHABLE')).map((type) => type.id);
  expect(carriers).toEqual([43, 44, 45, 46]);
  for (const id of carriers) expect(absenceTypeById(id).exemptions).not.toContain('CV');
});

it('jobrettet uddannelse exempts from self-booking and joblog and may be registered by the a-kasse (002)', () => {
  for (const id of [901, 902]) {
    expect(absenceTypeById(id).exemptions).toEqual(expect.arrayContaining(['SELF_BOOKING', 'JOBLOG']));
    expect(absenceTypeById(id).registeredBy).toContain('AKASSE');
  }
});

it('79 and 80 are registered by the jobcentre only', () => {
  expect(absenceTypeById(79).registeredBy).toEqual(['JOBCENTRE']);
  expect(absenceTypeById(80).registeredBy).toEqual(['JOBCENTRE']);
});

it('only 11, 25, 49, 54, 58 and 75 cannot be deleted once started; 6, 7, 8, 21 presuppose deregistration', () => {
  expect(ABSENCE_TYPE_RULES.filter((t) => !t.deletableOnceStarted).map((t) => t.id)).toEqual([11, 25, 49, 54, 58, 75]);
  expect(ABSENCE_TYPE_RULES.filter((t) => t.presupposesDeregistration).map((t) => t.id)).toEqual([6, 7, 8, 21]);
});

