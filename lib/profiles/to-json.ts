import type { Prisma } from "@/lib/generated/prisma/client";

/** The JSON a value becomes on the wire: Dates turn into ISO strings. */
export type Jsonify<T> = T extends Date
  ? string
  : T extends Prisma.JsonValue
    ? T
    : T extends readonly (infer U)[]
      ? Jsonify<U>[]
      : T extends object
        ? { [K in keyof T]: Jsonify<T[K]> }
        : T;

/**
 * What a route handler's Response.json would send, for a server component
 * handing the same first page to a client component.
 */
export function toJson<T>(value: T): Jsonify<T> {
  return JSON.parse(JSON.stringify(value)) as Jsonify<T>;
}
