// Scripts (start, worker, migrate, bench) run outside React's server bundle,
// where `import "server-only"` would throw. Resolve it to its empty variant,
// exactly as Next's server bundle does.
import { register } from "node:module";

const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === "server-only") {
    return next(specifier, {
      ...context,
      conditions: [...(context.conditions ?? []), "react-server"],
    });
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`, import.meta.url);
