/** One page of results and the cursor of the next page, if there is one. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}
