// The occupation catalog (stillingsbetegnelser): ESCO-STAR, which replaced DiscoAMS08 on 12 June 2021
// (seed 003), the mapping of old DiscoAMS08 titles to ESCO-STAR, and retired (udgåede) titles.
// Pure data and lookups; any subgraph may use it (recruitment for job orders and ads, plan for
// job-search requirements), so it imports nothing domain-specific.
import fs from 'node:fs';

export type OccupationClassification = 'DISCO_AMS08' | 'ESCO_STAR';

/**
 * Levels of the hierarchy, the "niveau 1, 2 eller 3" of 001 §4.1: 1 = major group (one digit, the
 * ISCO-08 structure both classifications share), 2 = unit group (four digits), 3 = occupation title
 * (ESCO-STAR `NNNN.n`, DiscoAMS08 six digits).
 */
export type OccupationLevel = 1 | 2 | 3;

export interface OccupationGroup {
  code: string;
  level: 1 | 2;
  title: string;
}

export interface Occupation {
  code: string;
  level: OccupationLevel;
  classification: OccupationClassification;
  title: string;
  /** A title that may not be chosen for new data (udgået stillingsbetegnelse). */
  retired: boolean;
  /** For a DiscoAMS08 title: the ESCO-STAR title it was converted to; null when it was retired. */
  escoStarCode: string | null;
}

/** The file format of a catalog: the shipped sample and a full list from STAR share it. */
export interface OccupationCatalogData {
  version: string;
  groups: OccupationGroup[];
  escoStar: { code: string; title: string; retired?: boolean }[];
  discoAms08: { code: string; title: string; escoStarCode: string | null }[];
}

export interface OccupationCatalog {
  version: string;
  /** True for a known code at that level; ESCO-STAR titles that are retired answer false. */
  isKnownOccupation(code: string, level: OccupationLevel, classification: OccupationClassification): boolean;
  /** A title or group by code in a classification, retired or not; null when unknown. */
  find(code: string, classification: OccupationClassification): Occupation | null;
  /** The current ESCO-STAR title an old DiscoAMS08 title was converted to; null when it was retired. */
  escoStarFor(discoAms08Code: string): Occupation | null;
  /** ESCO-STAR titles that may be chosen, optionally filtered by a case-insensitive text. */
  searchTitles(text?: string): Occupation[];
}

const ESCO_STAR_TITLE = /^\d{4}\.\d{1,3}$/;
const DISCO_AMS08_TITLE = /^\d{6}$/;
const GROUP_CODE: Record<1 | 2, RegExp> = { 1: /^\d$/, 2: /^\d{4}$/ };

/** Builds a catalog from data, refusing data that breaks the structure (a bad file fails at start). */
export function createOccupationCatalog(data: OccupationCatalogData): OccupationCatalog {
  const groups = new Map<string, OccupationGroup>();
  for (const group of data.groups) {
    if ((group.level !== 1 && group.level !== 2) || !GROUP_CODE[group.level].test(group.code)) {
      throw new Error(`Occupation catalog: group "${group.code}" is not a level-1 (one digit) or level-2 (four digits) code.`);
    }
    groups.set(group.code, group);
  }
  const escoStar = new Map<string, Occupation>();
  for (const entry of data.escoStar) {
    if (!ESCO_STAR_TITLE.test(entry.code)) throw new Error(`Occupation catalog: "${entry.code}" is not an ESCO-STAR title code (NNNN.n).`);
    escoStar.set(entry.code, { code: entry.code, level: 3, classification: 'ESCO_STAR', title: entry.title, retired: entry.retired === true, escoStarCode: entry.code });
  }
  const discoAms08 = new Map<string, Occupation>();
  for (const entry of data.discoAms08) {
    if (!DISCO_AMS08_TITLE.test(entry.code)) throw new Error(`Occupation catalog: "${entry.code}" is not a DiscoAMS08 title code (six digits).`);
    if (entry.escoStarCode !== null && !escoStar.has(entry.escoStarCode)) {
      throw new Error(`Occupation catalog: DiscoAMS08 "${entry.code}" maps to unknown ESCO-STAR "${entry.escoStarCode}".`);
    }
    const target = entry.escoStarCode === null ? null : escoStar.get(entry.escoStarCode)!;
    // An old title is retired when it was not converted, or was converted to a title since retired.
    const retired = target === null || target.retired;
    discoAms08.set(entry.code, { code: entry.code, level: 3, classification: 'DISCO_AMS08', title: entry.title, retired, escoStarCode: entry.escoStarCode });
  }

  const titlesOf = (classification: OccupationClassification) => (classification === 'ESCO_STAR' ? escoStar : discoAms08);

  function find(code: string, classification: OccupationClassification): Occupation | null {
    const group = groups.get(code);
    if (group) return { code, level: group.level, classification, title: group.title, retired: false, escoStarCode: null };
    return titlesOf(classification).get(code) ?? null;
  }

  return {
    version: data.version,
    find,
    isKnownOccupation(code, level, classification) {
      const found = find(code, classification);
      if (!found || found.level !== level) return false;
      // DiscoAMS08 is the historical list: its titles were all valid in their day. ESCO-STAR is the
      // list in force, and a retired title in it cannot be chosen (003).
      return classification === 'DISCO_AMS08' || !found.retired;
    },
    escoStarFor(discoAms08Code) {
      const old = discoAms08.get(discoAms08Code);
      if (!old || old.escoStarCode === null) return null;
      return escoStar.get(old.escoStarCode) ?? null;
    },
    searchTitles(text) {
      const needle = text?.trim().toLocaleLowerCase('da-DK') ?? '';
      return [...escoStar.values()]
        .filter((o) => !o.retired && (needle === '' || o.title.toLocaleLowerCase('da-DK').includes(needle) || o.code.startsWith(needle)))
        .sort((a, b) => a.code.localeCompare(b.code));
    },
  };
}

/** Reads a catalog file in the format above (e.g. the full ESCO-STAR list exported from STAR). */
export function loadOccupationCatalogFile(filePath: string): OccupationCatalog {
  const data = JSON.parse(fs.readFileSync(filePath, 'utf8')) as OccupationCatalogData;
  if (!Array.isArray(data.groups) || !Array.isArray(data.escoStar) || !Array.isArray(data.discoAms08)) {
    throw new Error(`Occupation catalog ${filePath}: expected "groups", "escoStar" and "discoAms08" lists.`);
  }
  return createOccupationCatalog(data);
}
