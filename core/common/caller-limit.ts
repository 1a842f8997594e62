/**
 * Counts API requests per caller against limits, kept in this process (one server) or shared by every process
 * on one database. A port, so the HTTP edge refuses a caller over the limit without knowing where the count lives.
 */
export interface CallerLimit {
  /** Counts a request by `caller`: 0 when it may go ahead, else the milliseconds until it may try again. */
  take(caller: string): Promise<number>;
}
