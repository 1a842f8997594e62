/** An 8-bit RGBA colour; alpha 0 is fully transparent. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

/** Where a shape is, in unit coordinates: (0, 0) is the top-left corner of the image, (1, 1) the bottom-right. */
export type Shape = (x: number, y: number) => boolean;

/** One coloured shape; later layers paint over earlier ones. */
export interface Layer {
  readonly shape: Shape;
  readonly colour: Rgba;
}

/** Samples per pixel along each axis: 4x4 sub-pixels give smooth edges without blurring a 32 px icon. */
const SUPERSAMPLING = 4;

/**
 * Paints layers into a straight-alpha RGBA buffer of `size` x `size` pixels, anti-aliased by supersampling.
 * Each pixel averages its sub-samples' premultiplied colours, so edges against transparency keep their colour.
 */
export function rasterize(size: number, layers: readonly Layer[]): Buffer {
  const data = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLING * SUPERSAMPLING;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SUPERSAMPLING; sy++) {
        for (let sx = 0; sx < SUPERSAMPLING; sx++) {
          const x = (px + (sx + 0.5) / SUPERSAMPLING) / size;
          const y = (py + (sy + 0.5) / SUPERSAMPLING) / size;
          const colour = topColourAt(layers, x, y);
          if (!colour) continue;
          const alpha = colour.a / 255;
          r += colour.r * alpha;
          g += colour.g * alpha;
          b += colour.b * alpha;
          a += alpha;
        }
      }
      const offset = (py * size + px) * 4;
      if (a === 0) continue;
      data[offset] = Math.round(r / a);
      data[offset + 1] = Math.round(g / a);
      data[offset + 2] = Math.round(b / a);
      data[offset + 3] = Math.round((a / n) * 255);
    }
  }
  return data;
}

function topColourAt(layers: readonly Layer[], x: number, y: number): Rgba | undefined {
  for (let i = layers.length - 1; i >= 0; i--) {
    const layer = layers[i]!;
    if (layer.shape(x, y)) return layer.colour;
  }
  return undefined;
}

/** Parses `#rrggbb` into an opaque colour. */
export function hexColour(hex: string): Rgba {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  return {
    r: parseInt(match[1]!, 16),
    g: parseInt(match[2]!, 16),
    b: parseInt(match[3]!, 16),
    a: 255,
  };
}
