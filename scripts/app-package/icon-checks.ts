import { PNG, type PNGWithMetadata } from 'pngjs';

/** The two icons a Teams app package carries. */
export type IconKind = 'color' | 'outline';

/** Teams' required sizes, in pixels (square). */
export const REQUIRED_ICON_SIZE: Readonly<Record<IconKind, number>> = { color: 192, outline: 32 };

/**
 * What is wrong with an icon, one line per problem; empty when Teams will accept it. Both must be PNGs of the
 * required size. The outline icon must be white on transparent: every pixel either fully transparent or pure
 * white at any opacity (anti-aliased edges are white with partial alpha), with some of each.
 */
export function iconProblems(kind: IconKind, file: string, png: Buffer): string[] {
  let image: PNGWithMetadata;
  try {
    image = PNG.sync.read(png);
  } catch (err) {
    return [`${file} is not a readable PNG (${err instanceof Error ? err.message : String(err)})`];
  }
  const size = REQUIRED_ICON_SIZE[kind];
  const problems: string[] = [];
  if (image.width !== size || image.height !== size)
    problems.push(`${file} is ${image.width}x${image.height}; Teams needs ${size}x${size}`);
  if (kind === 'outline') problems.push(...outlineProblems(file, image));
  return problems;
}

function outlineProblems(file: string, image: PNGWithMetadata): string[] {
  if (!image.alpha)
    return [`${file} has no transparency; the outline icon must be white on a transparent background`];
  let transparent = 0;
  let white = 0;
  let coloured = 0;
  let firstColoured = '';
  for (let i = 0; i < image.data.length; i += 4) {
    const [r, g, b, a] = [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!, image.data[i + 3]!];
    if (a === 0) transparent++;
    else if (r === 255 && g === 255 && b === 255) white++;
    else {
      coloured++;
      if (!firstColoured) {
        const pixel = i / 4;
        firstColoured = `(${pixel % image.width}, ${Math.floor(pixel / image.width)}) is rgba(${r}, ${g}, ${b}, ${a})`;
      }
    }
  }
  const problems: string[] = [];
  if (coloured > 0)
    problems.push(
      `${file} has ${coloured} pixels that are neither transparent nor white; the first, ${firstColoured}`,
    );
  if (transparent === 0)
    problems.push(`${file} has no transparent pixels; the background must be transparent`);
  if (white === 0) problems.push(`${file} is empty; it needs a white glyph`);
  return problems;
}
