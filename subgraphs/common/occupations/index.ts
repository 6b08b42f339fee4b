// The occupation catalog every subgraph shares: the shipped sample of ESCO-STAR and DiscoAMS08 by
// default, or the full list from the file named by OCCUPATION_CATALOG_FILE.
import { optional } from '../../../core/config';
import sample from './esco-star-sample.json';
import { createOccupationCatalog, loadOccupationCatalogFile, type OccupationCatalog, type OccupationCatalogData } from './catalog';

export * from './catalog';

let configured: OccupationCatalog | undefined;

/** The catalog in use: OCCUPATION_CATALOG_FILE when set, else the shipped sample. Read once. */
export function occupationCatalog(): OccupationCatalog {
  const file = optional('OCCUPATION_CATALOG_FILE');
  configured ??= file ? loadOccupationCatalogFile(file) : createOccupationCatalog(sample as OccupationCatalogData);
  return configured;
}

/** `isKnownOccupation(code, level, classification)` against the catalog in use. */
export function isKnownOccupation(code: string, level: 1 | 2 | 3, classification: 'DISCO_AMS08' | 'ESCO_STAR'): boolean {
  return occupationCatalog().isKnownOccupation(code, level, classification);
}
