// NUPH on cancelling/interrupting activities (001 §4.2): never for frame 18, never for 'Revision af Plan'.
import { CANCELLATION_CAUSES, nuphRequired, validateActivityEnding } from '..';
import { errorCodeOf } from './error-code-of';

describe('negative reportable event (NUPH)', () => {
  it("lists 'Revision af Plan' as a cause that makes no NUPH", () => {
    expect(CANCELLATION_CAUSES.find((cause) => cause.name === 'Revision af Plan')).toEqual({
      id: 901,
      name: 'Revision af Plan',
      negativeReportableEvent: false,
    });
  });

  it('is made by a NUPH cause on an ordinary frame and on no frame', () => {
    expect(nuphRequired({ frameId: 17, causeId: 902 })).toBe(true);
    expect(nuphRequired({ frameId: null, causeId: 903 })).toBe(true);
  });

  it('is never made for frame 18, whatever the cause (the seed bug fixed)', () => {
    expect(nuphRequired({ frameId: 18, causeId: 902 })).toBe(false);
    expect(nuphRequired({ frameId: 18, causeId: 903 })).toBe(false);
    expect(nuphRequired({ frameId: 18, causeId: 901 })).toBe(false);
  });

  it("is never made by 'Revision af Plan'", () => {
    expect(nuphRequired({ frameId: 17, causeId: 901 })).toBe(false);
    expect(nuphRequired({ frameId: null, causeId: 901 })).toBe(false);
  });

  it('is not made by a cause without the flag', () => {
    expect(nuphRequired({ frameId: 17, causeId: 904 })).toBe(false);
  });

  it('refuses an unknown cause', () => {
    expect(errorCodeOf(() => nuphRequired({ frameId: 17, causeId: 1 }))).toBe('UNKNOWN_CANCELLATION_CAUSE');
  });
});

describe('ending an activity', () => {
  const ending = { frameId: 17, categoryId: 26, today: '2021-06-15', registrantRole: 'caseworker' as const };

  it('tells the a-kasse when the ending is a NUPH', () => {
    expect(validateActivityEnding({ ...ending, causeId: 902 })).toEqual({ negativeReportableEvent: true, notify: ['jobcentre', 'akasse'] });
  });

  it("tells only the jobcentre on 'Revision af Plan'", () => {
    expect(validateActivityEnding({ ...ending, causeId: 901 })).toEqual({ negativeReportableEvent: false, notify: ['jobcentre'] });
  });

  it('tells only the jobcentre when a frame-18 activity is ended with a NUPH cause', () => {
    expect(validateActivityEnding({ ...ending, frameId: 18, causeId: 902 })).toEqual({ negativeReportableEvent: false, notify: ['jobcentre'] });
  });

  it('lets an a-kasse end its Jobrettet uddannelse but not other activities', () => {
    expect(validateActivityEnding({ frameId: null, categoryId: 903, causeId: 904, today: '2025-02-10', registrantRole: 'akasse' })).toEqual({
      negativeReportableEvent: false,
      notify: ['jobcentre', 'akasse'],
    });
    expect(errorCodeOf(() => validateActivityEnding({ ...ending, causeId: 901, registrantRole: 'akasse' }))).toBe('REGISTRANT_NOT_ALLOWED');
  });
});
