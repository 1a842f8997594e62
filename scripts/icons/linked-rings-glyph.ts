import type { Shape } from './raster';

/** Proportions of the glyph, in units of the image's width. */
export interface RingsProportions {
  /** Radius of each ring's centre line. */
  readonly radius: number;
  /** Stroke width of a ring. */
  readonly stroke: number;
  /** Gap left around the ring that passes over the other, so the links read as interlocked. */
  readonly gap: number;
  /** Distance between the two rings' centres. */
  readonly spread: number;
}

/**
 * The product's mark: two interlocked rings, the two sides of a service partnership. The left ring passes over
 * the right one at the top crossing and under it at the bottom, like links of a chain (the service chain).
 */
export function linkedRings(p: RingsProportions): Shape {
  const left = { x: 0.5 - p.spread / 2, y: 0.5 };
  const right = { x: 0.5 + p.spread / 2, y: 0.5 };
  const onRing = (c: { x: number; y: number }, x: number, y: number, halfWidth: number) =>
    Math.abs(Math.hypot(x - c.x, y - c.y) - p.radius) <= halfWidth;
  return (x, y) => {
    const inLeft = onRing(left, x, y, p.stroke / 2);
    const inRight = onRing(right, x, y, p.stroke / 2);
    // At the top crossing the left ring is on top, so the right ring gives way around it; below, the reverse.
    if (y < 0.5) return inLeft || (inRight && !onRing(left, x, y, p.stroke / 2 + p.gap));
    return inRight || (inLeft && !onRing(right, x, y, p.stroke / 2 + p.gap));
  };
}
