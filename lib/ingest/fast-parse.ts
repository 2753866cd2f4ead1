import { MAX_ID_LENGTH } from "./limits";
import type { JsonObject, MessageType } from "./schemas";

// A shortcut past zod for the calls that make up nearly all traffic: a
// track, identify, page or screen call whose fields all have the plain,
// valid shapes. It returns what the zod schema in schemas.ts would return
// for such a call (the fields normalize-message.ts reads), or undefined as
// soon as anything is unusual, and the call then goes through zod, which
// stays the schema of record and writes every error message. Measured per
// 100-event batch, zod's object parsing cost more than the rest of the
// validation together. fast-parse.test.ts checks both agree.

/** The fields normalize-message.ts reads from a parsed call. */
export interface ParsedCall {
  messageId?: string;
  userId?: string;
  anonymousId?: string;
  context?: JsonObject | null;
  event?: string;
  name?: string | null;
  properties?: JsonObject | null;
  traits?: JsonObject | null;
  groupId?: string;
  previousId?: string;
}

const NOT_FAST = Symbol("not fast");

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** schemas.ts `identifier.nullish()`: string or number, blank → undefined. */
function identifier(value: unknown): string | undefined | null | typeof NOT_FAST {
  if (value === undefined || value === null) return value;
  if (typeof value === "string") {
    if (value.length > MAX_ID_LENGTH) return NOT_FAST;
    return value.trim() === "" ? undefined : value;
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    const text = String(value);
    return text.trim() === "" ? undefined : text;
  }
  return NOT_FAST;
}

/** schemas.ts `jsonObject.nullish()`. */
function objectField(value: unknown): JsonObject | undefined | null | typeof NOT_FAST {
  if (value === undefined || value === null || isObject(value)) return value;
  return NOT_FAST;
}

/** schemas.ts `nonBlankName`. */
function name(value: unknown): string | typeof NOT_FAST {
  if (typeof value !== "string" || value.length > MAX_ID_LENGTH || value.trim() === "") {
    return NOT_FAST;
  }
  return value;
}

/** The zod output for a plain valid call of the common types, else undefined. */
export function fastParse(type: MessageType, item: JsonObject): ParsedCall | undefined {
  if (type === "group" || type === "alias") return undefined;
  const messageId = identifier(item.messageId);
  const userId = identifier(item.userId);
  const anonymousId = identifier(item.anonymousId);
  const context = objectField(item.context);
  if (
    messageId === NOT_FAST ||
    userId === NOT_FAST ||
    anonymousId === NOT_FAST ||
    context === NOT_FAST ||
    objectField(item.integrations) === NOT_FAST
  ) {
    return undefined;
  }
  if (type === "identify") {
    const traits = objectField(item.traits);
    if (traits === NOT_FAST) return undefined;
    return { messageId, userId, anonymousId, context, traits } as ParsedCall;
  }
  const properties = objectField(item.properties);
  if (properties === NOT_FAST) return undefined;
  if (type === "track") {
    const event = name(item.event);
    if (event === NOT_FAST) return undefined;
    return { messageId, userId, anonymousId, context, event, properties } as ParsedCall;
  }
  // page and screen: the name is optional.
  const pageName = item.name === undefined || item.name === null ? item.name : name(item.name);
  if (pageName === NOT_FAST) return undefined;
  return { messageId, userId, anonymousId, context, name: pageName, properties } as ParsedCall;
}
