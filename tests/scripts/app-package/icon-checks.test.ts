import { PNG } from 'pngjs';
import { iconProblems } from '../../../scripts/app-package/icon-checks';
import { drawColorIcon, drawOutlineIcon } from '../../../scripts/icons/app-icons';

/** A PNG of one colour everywhere, optionally with one differently coloured pixel at (0, 0). */
function aPng(
  size: number,
  rgba: [number, number, number, number],
  options: { colorType?: 2 | 6; corner?: [number, number, number, number] } = {},
): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let i = 0; i < png.data.length; i += 4) png.data.set(rgba, i);
  if (options.corner) png.data.set(options.corner, 0);
  return PNG.sync.write(png, { colorType: options.colorType ?? 6 });
}

describe(iconProblems.name, () => {
  it('accepts the icons drawn for the app', () => {
    expect(iconProblems('color', 'color.png', drawColorIcon())).toEqual([]);
    expect(iconProblems('outline', 'outline.png', drawOutlineIcon())).toEqual([]);
  });

  it('refuses an icon of the wrong size', () => {
    expect(iconProblems('color', 'color.png', aPng(96, [20, 108, 117, 255]))).toEqual([
      'color.png is 96x96; Teams needs 192x192',
    ]);
  });

  it('refuses a file that is not a PNG', () => {
    expect(iconProblems('color', 'color.png', Buffer.from('GIF89a')).join()).toMatch(
      /color\.png is not a readable PNG/,
    );
  });

  it('refuses an outline icon without an alpha channel', () => {
    expect(iconProblems('outline', 'o.png', aPng(32, [255, 255, 255, 255], { colorType: 2 }))).toEqual([
      'o.png has no transparency; the outline icon must be white on a transparent background',
    ]);
  });

  it('refuses a coloured pixel in the outline icon, saying where it is', () => {
    const png = aPng(32, [255, 255, 255, 0], { corner: [20, 108, 117, 255] });
    expect(iconProblems('outline', 'o.png', png)).toEqual([
      'o.png has 1 pixels that are neither transparent nor white; the first, (0, 0) is rgba(20, 108, 117, 255)',
      'o.png is empty; it needs a white glyph',
    ]);
  });

  it('refuses an outline icon with an opaque background', () => {
    expect(iconProblems('outline', 'o.png', aPng(32, [255, 255, 255, 255]))).toEqual([
      'o.png has no transparent pixels; the background must be transparent',
    ]);
  });
});
