import type { JsonObject, MessageType } from "./schemas";

/** What one ingestion call did. Every input item is counted exactly once. */
export interface IngestResult {
  /** Items stored as new events. */
  accepted: number;
  /** Valid items whose messageId was already stored (or repeated in the batch). */
  duplicates: number;
  /** Items refused, with the reason; also kept in rejected_events. */
  rejected: RejectedItem[];
}

export interface RejectedItem {
  /** Position in the request's batch (0 for the single-call endpoints). */
  index: number;
  /** Machine-readable reason, see REJECTION_CODES. */
  code: RejectionCode;
  /** Dotted path of the offending field (`properties.plan`), null for the whole item. */
  field: string | null;
  message: string;
}

export const REJECTION_CODES = [
  "invalid_item", // not a JSON object
  "too_large", // over MAX_EVENT_BYTES
  "too_deep", // nested deeper than MAX_NESTING_DEPTH
  "invalid_string", // NUL or unpaired surrogate, which PostgreSQL cannot store
  "unknown_type", // type is not one of the six calls
  "missing_field", // a required field is absent
  "invalid_field", // a field has the wrong type or format
  "missing_identity", // neither userId nor anonymousId
  "invalid_timestamp", // unparseable, > 24 h in the future, or before 2000
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** A rejected item plus what is kept of its payload for the Events page. */
export interface Rejection extends RejectedItem {
  payload: unknown;
}

/** A valid call, ready to store. */
export interface NormalizedMessage {
  index: number;
  type: MessageType;
  messageId: string;
  userId: string | null;
  anonymousId: string | null;
  /** Event name for track, page/screen name, null otherwise. */
  name: string | null;
  properties: JsonObject;
  traits: JsonObject | null;
  context: JsonObject | null;
  /** Fields without a column (integrations, groupId, previousId, unknown ones). */
  extra: JsonObject | null;
  /** Skew-corrected event time. */
  timestamp: Date;
  sentAt: Date | null;
  groupId: string | null;
  previousId: string | null;
  /** The profile email traits.email makes (identify only; normalizeEmail). */
  traitEmail: string | null;
  /** Valid IANA zone from traits.timezone (identify only). */
  traitTimezone: string | null;
  /** Whether context.timezone is a string: the call reports the device's timezone. */
  contextTimezoneReported: boolean;
  /** That timezone when valid (canonical), else null (unknown). */
  contextTimezone: string | null;
}
