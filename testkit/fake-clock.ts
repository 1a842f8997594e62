import type { Clock } from '../core/ports';

/** A clock tests set and move by hand. */
export class FakeClock implements Clock {
  private current: Date;

  constructor(start: string | Date = '2026-03-02T09:00:00.000Z') {
    this.current = new Date(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  /** Moves the clock to an instant. */
  set(instant: string | Date): void {
    this.current = new Date(instant);
  }

  /** Moves the clock forward. */
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
