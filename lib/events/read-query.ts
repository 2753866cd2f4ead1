import type { z } from "zod";
import { parseOrThrow } from "@/lib/api/errors";

/**
 * A GET route's query string through its schema. Empty parameters (`?name=`
 * from a cleared filter) count as absent.
 */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.output<T> {
  const params = new URL(request.url).searchParams;
  return parseOrThrow(schema, Object.fromEntries([...params].filter(([, value]) => value !== "")));
}
