/**
 * Where people and venues are, to the nearest postcode district: the district centroids shipped
 * in resources/postcodes (see SOURCE.md there) parsed once, a full postcode's outward code, and
 * the great-circle distance between two points. Pure: the main process reads the file and hands
 * its text to `parseDistrictCentroids`.
 */

export interface GeoPoint {
  latitude: number;
  longitude: number;
}

export type DistrictCentroids = ReadonlyMap<string, GeoPoint>;

/** The attribution the licences require wherever distances from this data are shown. */
export const POSTCODE_ATTRIBUTION = [
  'Postcode district centroids derived from:',
  'Contains OS data © Crown copyright and database right 2025.',
  'Contains Royal Mail data © Royal Mail copyright and database right 2025.',
  'Contains National Statistics data © Crown copyright and database right 2025.',
  'Contains public sector information licensed under the Open Government Licence v3.0 (Food Standards Agency, Food Hygiene Rating Scheme data, Northern Ireland postcodes).',
  'Licensed under the Open Government Licence v3.0: https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
] as const;

/**
 * `district,latitude,longitude` rows (header first). A malformed row is an error, not a gap: a
 * silently missing district would send someone to the wrong office.
 */
export function parseDistrictCentroids(csv: string): DistrictCentroids {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (lines[0]?.trim() !== 'district,latitude,longitude')
    throw new Error('The postcode district file does not start with district,latitude,longitude');
  const out = new Map<string, GeoPoint>();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const [district, lat, lon] = line.split(',');
    const latitude = Number(lat);
    const longitude = Number(lon);
    if (
      !district ||
      !/^[A-Z]{1,2}\d[A-Z\d]?$/.test(district) ||
      !Number.isFinite(latitude) ||
      !Number.isFinite(longitude) ||
      Math.abs(latitude) > 90 ||
      Math.abs(longitude) > 180
    )
      throw new Error(`The postcode district file has a malformed row at line ${i + 1}`);
    out.set(district, { latitude, longitude });
  }
  return out;
}

/**
 * The outward code ("district") of a postcode: 'SW1A 1AA' → 'SW1A', 'b11aa' → 'B1'. A bare
 * outward code ('LS1') is returned as it is. Null when it is not shaped like either.
 */
export function outwardCode(postcode: string): string | null {
  const compact = postcode.replace(/\s+/g, '').toUpperCase();
  if (/^[A-Z]{1,2}\d[A-Z\d]?\d[A-Z]{2}$/.test(compact)) return compact.slice(0, -3);
  if (/^[A-Z]{1,2}\d[A-Z\d]?$/.test(compact)) return compact;
  return null;
}

/** The centroid of a postcode's district, or null when the district is unknown (Jersey, say). */
export function locatePostcode(table: DistrictCentroids, postcode: string): GeoPoint | null {
  const district = outwardCode(postcode);
  return district ? (table.get(district) ?? null) : null;
}

const EARTH_RADIUS_KM = 6371.0088;
const rad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in kilometres. */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = rad(b.latitude - a.latitude);
  const dLon = rad(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
