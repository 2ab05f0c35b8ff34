/**
 * The shipped postcode district centroids (resources/postcodes, Open Government Licence; see
 * SOURCE.md there), read once per process from the source tree or beside the built main process.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  locatePostcode,
  parseDistrictCentroids,
  type DistrictCentroids,
  type GeoPoint,
} from '@shared/domain/diary/postcode-districts';

const FILE = join('resources', 'postcodes', 'postcode-districts.csv');

/** Walks up from this file: src-main/services/diary when run from source, out/main when built. */
function findFile(): string {
  let dir = import.meta.dirname;
  for (;;) {
    const candidate = join(dir, FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`The postcode district file (${FILE}) was not found`);
    dir = parent;
  }
}

let table: DistrictCentroids | undefined;
export const districtCentroids = (): DistrictCentroids =>
  (table ??= parseDistrictCentroids(readFileSync(findFile(), 'utf8')));

/** The centre of a postcode's district, or null when it is not in the table. */
export const locate = (postcode: string | null | undefined): GeoPoint | null =>
  postcode ? locatePostcode(districtCentroids(), postcode) : null;
