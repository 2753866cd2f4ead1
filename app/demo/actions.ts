"use server";

import { z } from "zod";
import { sendDemoMessage } from "@/lib/inbox/send-demo-message";

const sendDemoSchema = z.object({
  userId: z.string().min(1).max(256),
  kind: z.enum(["card", "banner", "modal", "tooltip"]),
});

/** "Send me a …" on /demo: delivers one sample in-app message to a demo user. */
export async function sendDemoMessageAction(input: {
  userId: string;
  kind: string;
}): Promise<{ ok: true } | { ok: false; message: string }> {
  const parsed = sendDemoSchema.safeParse(input);
  if (!parsed.success) return { ok: false, message: "Pick a demo user and a message kind." };
  try {
    await sendDemoMessage(parsed.data);
    return { ok: true };
  } catch (error) {
    console.error("[cue] demo message failed", error);
    return { ok: false, message: "The message could not be sent; see the server log." };
  }
}
