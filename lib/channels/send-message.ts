import "server-only";
import type { RawDb } from "@/lib/db/sql";
import {
  type EnqueueMessageInput,
  type EnqueueMessageResult,
  enqueueMessages,
} from "./enqueue-messages";

export type { EnqueueMessageInput, EnqueueMessageResult } from "./enqueue-messages";

/**
 * Creates one message for one profile inside the caller's transaction (the
 * rules are enqueueMessages'). A refused send throws its ApiError
 * (validation_failed for a Liquid error, not_found for a missing profile)
 * and stores nothing.
 */
export async function enqueueMessage(
  tx: RawDb,
  input: EnqueueMessageInput,
): Promise<EnqueueMessageResult> {
  const [outcome] = await enqueueMessages(tx, [input]);
  if (!outcome) throw new Error("enqueueMessages returned no outcome");
  if (!outcome.ok) throw outcome.error;
  return outcome.result;
}
