import { zipSync } from 'fflate';

/**
 * 1980-01-01 00:00 local time, the earliest time a zip entry can record. Built from local fields because zip
 * stores local time: the bytes are then the same in every time zone.
 */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0);

/**
 * Zips files flat (no folders, as Teams requires) so that the same inputs always give the same bytes: entries
 * in name order, one fixed timestamp, one compression level.
 */
export function deterministicZip(files: Readonly<Record<string, Uint8Array>>): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 9 }]> = {};
  for (const name of Object.keys(files).sort()) {
    if (name.includes('/') || name.includes('\\'))
      throw new Error(`A Teams app package is flat; got ${name}`);
    entries[name] = [files[name]!, { mtime: FIXED_TIME, level: 9 }];
  }
  return zipSync(entries);
}
