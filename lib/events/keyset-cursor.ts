import { z } from "zod";
import { ApiError } from "@/lib/api/errors";

// Opaque keyset cursors for the admin lists: (time, uuid) of the last row a
// page showed, base64url-encoded so callers cannot depend on the shape.

export interface KeysetCursor {
  at: Date;
  id: string;
}

const cursorSchema = z.tuple([z.iso.datetime(), z.uuid()]);

/** Browser-safe too (the live view trims its list at an event and pages on from there). */
export function encodeCursor(at: Date | string, id: string): string {
  const iso = typeof at === "string" ? at : at.toISOString();
  // ASCII only (an ISO instant and a uuid), so btoa is enough.
  return btoa(JSON.stringify([iso, id]))
    .replace(/\+/g, "-")
    .replace(/\//g, "_")
    .replace(/=+$/, "");
}

/** The cursor, or a field-level 422 naming `field`. */
export function decodeCursor(value: string, field = "cursor"): KeysetCursor {
  try {
    const [at, id] = cursorSchema.parse(
      JSON.parse(Buffer.from(value, "base64url").toString("utf8")),
    );
    return { at: new Date(at), id };
  } catch {
    throw new ApiError("validation_failed", `${field}: not a cursor this API returned.`, {
      details: { issues: [{ field, message: "Invalid cursor." }] },
    });
  }
}
