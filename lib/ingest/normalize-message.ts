import { createHash, randomUUID } from "node:crypto";
import type { z } from "zod";
import { issuePath } from "@/lib/api/errors";
import { normalizeEmail, reportedTimezone } from "@/lib/journey-core/profile-merge";
import { validTimezone } from "@/lib/journey-core/valid-timezone";
import { checkJsonShape } from "./check-json-shape";
import { fastParse, type ParsedCall } from "./fast-parse";
import { MAX_EVENT_BYTES, MAX_FUTURE_MS, MIN_TIMESTAMP } from "./limits";
import { parseTimestamp } from "./parse-timestamp";
import {
  COLUMN_FIELDS,
  COMMON_FIELDS,
  isMessageType,
  type JsonObject,
  MESSAGE_TYPES,
  type MessageType,
  messageSchemas,
} from "./schemas";
import type { NormalizedMessage, Rejection, RejectionCode } from "./types";

export interface NormalizeOptions {
  /** Server clock when the request arrived. */
  receivedAt: Date;
  /** The batch's sentAt, used when the item has none. */
  batchSentAt: Date | null;
}

export type NormalizeResult =
  | { ok: true; message: NormalizedMessage }
  | { ok: false; rejection: Rejection };

/** Validates one Segment call and turns it into a row-ready message (pure). */
export function normalizeMessage(
  raw: unknown,
  index: number,
  options: NormalizeOptions,
): NormalizeResult {
  if (raw === null || typeof raw !== "object" || Array.isArray(raw)) {
    return rejected(index, raw, "invalid_item", null, "Each call must be a JSON object.");
  }
  const item = raw as JsonObject;

  const shape = checkJsonShape(item);
  if (shape) return rejected(index, raw, shape.code, shape.field, shape.message, preview(item));

  const json = JSON.stringify(item);
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_EVENT_BYTES) {
    return rejected(
      index,
      raw,
      "too_large",
      null,
      `The call is ${bytes} bytes; the limit is ${MAX_EVENT_BYTES} bytes.`,
      preview(item, json),
    );
  }

  if (!isMessageType(item.type)) {
    return item.type === undefined
      ? rejected(
          index,
          raw,
          "missing_field",
          "type",
          `type is required (one of ${MESSAGE_TYPES.join(", ")}).`,
        )
      : rejected(
          index,
          raw,
          "unknown_type",
          "type",
          `type must be one of ${MESSAGE_TYPES.join(", ")}.`,
        );
  }
  const type = item.type;

  let data = fastParse(type, item);
  if (!data) {
    const parsed = messageSchemas[type].safeParse(item);
    if (!parsed.success) {
      const issue = parsed.error.issues[0] as z.core.$ZodIssue;
      const field = issuePath(issue.path) || null;
      const value = valueAt(item, issue.path);
      const missing = value === undefined || value === null;
      return rejected(
        index,
        raw,
        missing ? "missing_field" : "invalid_field",
        field,
        `${field ?? "call"} ${issue.message}`,
      );
    }
    // The six schemas' outputs, read through their common superset of fields.
    data = parsed.data as ParsedCall;
  }

  const userId = data.userId ?? null;
  const anonymousId = data.anonymousId ?? null;
  if (!userId && !anonymousId) {
    return rejected(
      index,
      raw,
      "missing_identity",
      "userId",
      "Every call needs a userId or an anonymousId.",
    );
  }

  const time = resolveTimestamp(item, options);
  if ("error" in time) return rejected(index, raw, "invalid_timestamp", time.field, time.error);

  const reported = reportedTimezone(data.context?.timezone);
  const traits =
    type === "identify" ? identifyTraits(data) : type === "group" ? (data.traits ?? {}) : null;
  return {
    ok: true,
    message: {
      index,
      type,
      messageId: data.messageId ?? assignMessageId(item),
      userId,
      anonymousId,
      name: type === "track" ? (data.event ?? null) : (data.name ?? null),
      properties: data.properties ?? {},
      traits,
      context: data.context ?? null,
      extra: extraFields(item, type),
      timestamp: time.timestamp,
      sentAt: time.sentAt,
      groupId: data.groupId ?? null,
      previousId: data.previousId ?? null,
      traitEmail: type === "identify" ? normalizeEmail(traits?.email) : null,
      traitTimezone: type === "identify" ? validTimezone(traits?.timezone) : null,
      contextTimezoneReported: reported !== undefined,
      contextTimezone: reported ?? null,
    },
  };
}

// Module-level rather than closures: under tsx (npm start) every closure
// created per call also pays for esbuild's name-keeping wrapper.
function rejected(
  index: number,
  raw: unknown,
  code: RejectionCode,
  field: string | null,
  message: string,
  payload: unknown = raw,
): NormalizeResult {
  return { ok: false, rejection: { index, code, field, message, payload } };
}

const present = (value: unknown) => value !== undefined && value !== null;

/**
 * An identify's traits. RudderStack's JavaScript SDK sends them only as
 * `context.traits` (as RudderStack's own server reads them); Segment's
 * libraries send `traits`, which wins when both are there.
 */
function identifyTraits(data: ParsedCall): JsonObject {
  if (data.traits) return data.traits;
  const fromContext = data.context?.traits;
  return fromContext !== null && typeof fromContext === "object" && !Array.isArray(fromContext)
    ? (fromContext as JsonObject)
    : {};
}

/**
 * Segment's clock-skew correction: the device's clock may be wrong, but the
 * gap between when it says the event happened and when it says it sent the
 * request is right. So timestamp = receivedAt − (sentAt − timestamp).
 * RudderStack's SDKs put the device's event time in `originalTimestamp`
 * instead, with the same correction; `timestamp` wins when both are given.
 */
function resolveTimestamp(
  item: JsonObject,
  { receivedAt, batchSentAt }: NormalizeOptions,
): { timestamp: Date; sentAt: Date | null } | { field: string; error: string } {
  const field = present(item.timestamp)
    ? "timestamp"
    : present(item.originalTimestamp)
      ? "originalTimestamp"
      : null;
  const given = field ? parseTimestamp(item[field]) : null;
  if (field && !given) {
    return { field, error: `${field} must be an ISO-8601 date-time.` };
  }
  const ownSentAt = present(item.sentAt) ? parseTimestamp(item.sentAt) : null;
  if (present(item.sentAt) && !ownSentAt) {
    return { field: "sentAt", error: "sentAt must be an ISO-8601 date-time." };
  }
  const sentAt = ownSentAt ?? batchSentAt;
  let timestamp = receivedAt;
  if (given) {
    timestamp = sentAt
      ? new Date(receivedAt.getTime() - (sentAt.getTime() - given.getTime()))
      : given;
  }
  if (timestamp.getTime() > receivedAt.getTime() + MAX_FUTURE_MS) {
    return {
      field: field ?? "timestamp",
      error: `${field ?? "timestamp"} is more than 24 hours in the future (after clock-skew correction).`,
    };
  }
  if (timestamp.getTime() < MIN_TIMESTAMP) {
    return { field: field ?? "timestamp", error: `${field ?? "timestamp"} is before 2000-01-01.` };
  }
  return { timestamp, sentAt };
}

/**
 * Segment's libraries always send a messageId; for hand-written calls that
 * don't, one is made up. When the call carries its own timestamp the id is a
 * hash of the call, so resending the same request does not store it twice;
 * without a timestamp two identical calls are distinct events.
 */
function assignMessageId(item: JsonObject): string {
  if (!present(item.timestamp) && !present(item.originalTimestamp)) return `cue-${randomUUID()}`;
  const { sentAt: _sentAt, writeKey: _writeKey, ...stable } = item;
  return `cue-${createHash("sha256").update(JSON.stringify(stable)).digest("hex").slice(0, 32)}`;
}

/** Top-level fields without a column, kept as Segment keeps them. */
function extraFields(item: JsonObject, type: MessageType): JsonObject | null {
  const skip = STORED_FIELDS[type];
  let extra: JsonObject | null = null;
  for (const key of Object.keys(item)) {
    const value = item[key];
    if (skip.has(key) || value === undefined) continue;
    extra ??= {};
    extra[key] = value;
  }
  return extra;
}

const storedFields = (type: MessageType): ReadonlySet<string> =>
  new Set<string>([...COMMON_FIELDS, ...COLUMN_FIELDS[type]]);
const STORED_FIELDS: Record<MessageType, ReadonlySet<string>> = {
  track: storedFields("track"),
  identify: storedFields("identify"),
  page: storedFields("page"),
  screen: storedFields("screen"),
  group: storedFields("group"),
  alias: storedFields("alias"),
};

function valueAt(item: JsonObject, path: readonly PropertyKey[]): unknown {
  let value: unknown = item;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const PREVIEW_CHARS = 2_048;

/**
 * What rejected_events keeps of an item that is too large, too deep or holds
 * strings PostgreSQL refuses: the start of its JSON, made storable.
 */
function preview(item: JsonObject, json?: string): unknown {
  let text: string;
  try {
    text = json ?? JSON.stringify(item);
  } catch {
    text = "(unserialisable)";
  }
  const head = text
    .slice(0, PREVIEW_CHARS)
    .replaceAll("\u0000", "\uFFFD")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
  return { truncated: text.length > PREVIEW_CHARS, bytes: Buffer.byteLength(text), preview: head };
}
