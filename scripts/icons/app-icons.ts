import { PNG } from 'pngjs';
import { REQUIRED_ICON_SIZE } from '../app-package/icon-checks';
import { linkedRings } from './linked-rings-glyph';
import { hexColour, rasterize, type Rgba } from './raster';

/** The app's accent colour: the colour icon's background and the manifest's `accentColor`. */
export const ACCENT_COLOUR = '#146C75';

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 255 };

/**
 * The colour icon: white linked rings on the accent colour, edge to edge (Teams rounds the corners itself); the
 * rings keep to the middle, clear of the rounded corners, as Teams' icon guidance asks.
 */
export function drawColorIcon(): Buffer {
  const size = REQUIRED_ICON_SIZE.color;
  const pixels = rasterize(size, [
    { shape: () => true, colour: hexColour(ACCENT_COLOUR) },
    { shape: linkedRings({ radius: 0.155, stroke: 0.06, gap: 0.024, spread: 0.18 }), colour: WHITE },
  ]);
  return encodePng(size, pixels);
}

/**
 * The outline icon: the same rings in white on transparency, drawn heavier and larger, since at 32 px a thin
 * stroke would blur into grey.
 */
export function drawOutlineIcon(): Buffer {
  const size = REQUIRED_ICON_SIZE.outline;
  const pixels = rasterize(size, [
    { shape: linkedRings({ radius: 0.24, stroke: 0.1, gap: 0.045, spread: 0.3 }), colour: WHITE },
  ]);
  return encodePng(size, pixels);
}

function encodePng(size: number, rgba: Buffer): Buffer {
  const png = new PNG({ width: size, height: size, colorType: 6 });
  rgba.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}
