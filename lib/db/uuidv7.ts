import { randomUUID } from "node:crypto";

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Rows
 * keyed by it are inserted at the right edge of their primary key's B-tree,
 * so a large table's key index takes new rows without reading cold pages, as
 * a random (v4) key would for every row. Made in Node because PostgreSQL
 * gained uuidv7() only in version 18.
 */
export function uuidv7(now: number = Date.now()): string {
  const time = now.toString(16).padStart(12, "0");
  const random = randomUUID(); // xxxxxxxx-xxxx-4xxx-Vxxx-xxxxxxxxxxxx
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19)}`;
}
