/** A compiled path pattern like `/partners/:id`. */
interface CompiledRoute<T> {
  readonly method: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly target: T;
}

/** What a path resolves to: the target and its parameters, or why nothing matched. */
export type RouteMatch<T> =
  | { readonly kind: 'found'; readonly target: T; readonly params: Record<string, string> }
  | { readonly kind: 'method_not_allowed'; readonly allowed: readonly string[] }
  | { readonly kind: 'not_found' };

/** Matches method and path against `:param` patterns; parameters are URL-decoded. */
export class RouteTable<T> {
  private readonly routes: CompiledRoute<T>[] = [];

  /** Adds a route; earlier routes win when two match. */
  add(method: string, path: string, target: T): this {
    const names: string[] = [];
    const source = path
      .split('/')
      .map((segment) => {
        if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(segment.slice(1));
        return '([^/]+)';
      })
      .join('/');
    this.routes.push({ method, pattern: new RegExp(`^${source}/?$`), names, target });
    return this;
  }

  /** Finds the route for a request. */
  match(method: string, path: string): RouteMatch<T> {
    const allowed: string[] = [];
    for (const route of this.routes) {
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      route.names.forEach((name, i) => (params[name] = safeDecode(m[i + 1]!)));
      return { kind: 'found', target: route.target, params };
    }
    return allowed.length ? { kind: 'method_not_allowed', allowed } : { kind: 'not_found' };
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is kept as typed; the route's own id check then rejects it.
    return segment;
  }
}
