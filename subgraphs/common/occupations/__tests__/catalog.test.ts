// The occupation catalog (003): ESCO-STAR in force, DiscoAMS08 mapped to it, retired titles refused.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOccupationCatalog, isKnownOccupation, loadOccupationCatalogFile, occupationCatalog, type OccupationCatalogData } from '..';

describe('isKnownOccupation', () => {
  it('knows ESCO-STAR titles at level 3 and groups at levels 1 and 2', () => {
    expect(isKnownOccupation('7212.1', 3, 'ESCO_STAR')).toBe(true);
    expect(isKnownOccupation('7212', 2, 'ESCO_STAR')).toBe(true);
    expect(isKnownOccupation('7', 1, 'ESCO_STAR')).toBe(true);
  });

  it('answers false when the level does not match the code', () => {
    expect(isKnownOccupation('7212.1', 2, 'ESCO_STAR')).toBe(false);
    expect(isKnownOccupation('7212', 3, 'ESCO_STAR')).toBe(false);
  });

  it('answers false for a retired ESCO-STAR title and for unknown codes', () => {
    expect(isKnownOccupation('4132.1', 3, 'ESCO_STAR')).toBe(false);
    expect(isKnownOccupation('9999.9', 3, 'ESCO_STAR')).toBe(false);
  });

  it('keeps the two classifications apart', () => {
    expect(isKnownOccupation('721210', 3, 'DISCO_AMS08')).toBe(true);
    expect(isKnownOccupation('721210', 3, 'ESCO_STAR')).toBe(false);
    expect(isKnownOccupation('7212.1', 3, 'DISCO_AMS08')).toBe(false);
  });

  it('knows retired DiscoAMS08 titles in their own (historical) classification only', () => {
    expect(isKnownOccupation('932910', 3, 'DISCO_AMS08')).toBe(true);
    expect(occupationCatalog().find('932910', 'DISCO_AMS08')?.retired).toBe(true);
  });
});

describe('DiscoAMS08 → ESCO-STAR', () => {
  it('maps an old title to its ESCO-STAR title, merging aliases (Kok (gourmetkok) → Kok)', () => {
    expect(occupationCatalog().escoStarFor('512020')).toMatchObject({ code: '5120.1', title: 'Kok' });
    expect(occupationCatalog().escoStarFor('251210')).toMatchObject({ code: '2512.1', title: 'Softwareudvikler' });
  });

  it('has no ESCO-STAR title for a retired one', () => {
    expect(occupationCatalog().escoStarFor('932910')).toBeNull();
  });

  it('lists only choosable ESCO-STAR titles in a search', () => {
    const codes = occupationCatalog().searchTitles('data').map((o) => o.code);
    expect(codes).not.toContain('4132.1');
    expect(occupationCatalog().searchTitles('kok').map((o) => o.code)).toEqual(['5120.1']);
  });
});

describe('loading a full list from a file', () => {
  const data: OccupationCatalogData = {
    version: 'full',
    groups: [{ code: '3', level: 1, title: 'Mellemniveau' }, { code: '3412', level: 2, title: 'Socialfaglige medarbejdere' }],
    escoStar: [{ code: '3412.7', title: 'Pædagogisk assistent' }],
    discoAms08: [{ code: '341210', title: 'Pædagogmedhjælper', escoStarCode: '3412.7' }],
  };

  it('reads a catalog file and answers from it', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'occupations-')), 'esco.json');
    fs.writeFileSync(file, JSON.stringify(data));
    const catalog = loadOccupationCatalogFile(file);
    expect(catalog.version).toBe('full');
    expect(catalog.isKnownOccupation('3412.7', 3, 'ESCO_STAR')).toBe(true);
    expect(catalog.escoStarFor('341210')?.title).toBe('Pædagogisk assistent');
  });

  it('refuses a file whose mapping points at an unknown ESCO-STAR title', () => {
    expect(() => createOccupationCatalog({ ...data, discoAms08: [{ code: '341210', title: 'x', escoStarCode: '3412.9' }] })).toThrow(/unknown ESCO-STAR/);
  });

  it('refuses a file that is not a catalog', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'occupations-')), 'bad.json');
    fs.writeFileSync(file, '{"titles": []}');
    expect(() => loadOccupationCatalogFile(file)).toThrow(/expected/);
  });
});
