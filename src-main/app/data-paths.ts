import { join } from 'node:path';

/** Where a caseload lives: the encrypted database and, beside it, its wrapped key. */
export interface DataPaths {
  database: string;
  keyFile: string;
}

export const dataPathsFor = (databaseFile: string): DataPaths => ({
  database: databaseFile,
  keyFile: `${databaseFile}.key.json`,
});
export const defaultDataPaths = (dir: string): DataPaths =>
  dataPathsFor(join(dir, 'caseload.waymark'));
