// Finding a handler table entry (api-routes.ts) for a method and a path.
// Keys are "METHOD /path"; a segment written `:name` matches any one
// non-empty segment and hands it to the handler, decoded, as params.name.
// Exact keys are one Map lookup, which is all the hot paths need; patterns
// are tried only when that misses.

export interface RouteMatch<R> {
  route: R;
  params: Readonly<Record<string, string>>;
}

const NO_PARAMS: Readonly<Record<string, string>> = Object.freeze({});

export function splitRouteKey(key: string): { method: string; path: string } {
  const space = key.indexOf(" ");
  return { method: key.slice(0, space), path: key.slice(space + 1) };
}

/** The `:name` segments of `path` under `pattern`, or null when it does not match. */
export function pathParams(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/");
  const got = path.split("/");
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] as string;
    const value = got[i] as string;
    if (!segment.startsWith(":")) {
      if (segment !== value) return null;
      continue;
    }
    if (value === "") return null;
    try {
      params[segment.slice(1)] = decodeURIComponent(value);
    } catch {
      return null; // a malformed escape is no path of ours
    }
  }
  return params;
}

export function routeMatcher<R>(
  table: Readonly<Record<string, R>>,
): (method: string, path: string) => RouteMatch<R> | null {
  const exact = new Map<string, R>();
  const patterns: { method: string; pattern: string; route: R }[] = [];
  for (const [key, route] of Object.entries(table)) {
    const { method, path } = splitRouteKey(key);
    if (path.includes("/:")) patterns.push({ method, pattern: path, route });
    else exact.set(key, route);
  }
  return (method, path) => {
    const route = exact.get(`${method} ${path}`);
    if (route !== undefined) return { route, params: NO_PARAMS };
    for (const candidate of patterns) {
      if (candidate.method !== method) continue;
      const params = pathParams(candidate.pattern, path);
      if (params) return { route: candidate.route, params };
    }
    return null;
  };
}
