/**
 * `npm run icons`: redraws manifest/color.png and manifest/outline.png from code, so the icons can be changed by
 * editing scripts/icons/ and rerunning, never by hand in an image editor.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../server/project-root';
import { drawColorIcon, drawOutlineIcon } from './icons/app-icons';

const manifestDir = join(projectRoot(), 'manifest');
writeFileSync(join(manifestDir, 'color.png'), drawColorIcon());
writeFileSync(join(manifestDir, 'outline.png'), drawOutlineIcon());
process.stdout.write('Wrote manifest/color.png (192x192) and manifest/outline.png (32x32).\n');
