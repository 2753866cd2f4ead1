// The webhook step's settings (a journey node, `send_webhook`) and the pure
// parts of its request: what the core hands the shell, and what preview
// shows. The shell (lib/engine/journey-webhooks.ts) renders the body with
// Liquid in JSON mode, puts the secret header values back in, signs the
// request with the workspace's step signing secret (Standard Webhooks) and
// queues it; the worker delivers it (lib/webhooks/deliver-step-webhooks.ts)
// and resumes the run on the "succeeded" or "failed" exit.

import { z } from "zod";

export const WEBHOOK_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type WebhookMethod = (typeof WEBHOOK_METHODS)[number];

/** The step's exits: the run waits at the step until the delivery has an outcome. */
export const WEBHOOK_EXITS = ["succeeded", "failed"] as const;
export type WebhookOutcome = (typeof WEBHOOK_EXITS)[number];

export const DEFAULT_WEBHOOK_TIMEOUT_SECONDS = 10;

/**
 * Sent with value "true" on a holdout run's call of a webhook that does not
 * count as a message (a data sync still runs for the holdout; the receiver
 * can tell, and skip anything user-facing it would do).
 */
export const HOLDOUT_HEADER = "Cue-Holdout";

/** Headers Cue sets itself: a step may not set them. */
export const RESERVED_HEADERS: ReadonlySet<string> = new Set([
  HOLDOUT_HEADER.toLowerCase(),
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
  "idempotency-key",
  "content-length",
  "content-type",
  "host",
  "transfer-encoding",
  "connection",
  "user-agent",
]);

/** What a secret header's value is shown as once saved. */
export const SECRET_MASK = "••••";

const headerNameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "Header names use letters, digits and -, no spaces")
  .refine((name) => !RESERVED_HEADERS.has(name.toLowerCase()), {
    message: "Cue sets this header itself",
    params: { code: "reserved_header" },
  });

export const webhookHeaderSchema = z
  .strictObject({
    name: headerNameSchema,
    /**
     * A plain header's value; for a secret header, a new value to store. The
     * journey store moves a secret's value into journey_step_secrets on save
     * and keeps only `secretId`, so a secret is never read back.
     */
    value: z
      .string()
      .max(4000)
      .regex(/^[^\r\n]*$/, "Header values must be on one line")
      .optional(),
    secret: z.boolean().optional(),
    /** The stored secret (set by the journey store, never by hand). */
    secretId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
  })
  .superRefine((header, ctx) => {
    if (header.secret && header.value === undefined && header.secretId === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["value"],
        message: `Enter the secret value of the ${header.name} header`,
        params: { code: "missing_secret" },
      });
    }
  });
export type WebhookHeader = z.infer<typeof webhookHeaderSchema>;

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname !== "";
  } catch {
    return false;
  }
}

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine(isHttpUrl, {
    message: "Enter a full URL that starts with https:// (or http://)",
    params: { code: "bad_url" },
  });

/** The settings of a `send_webhook` node (besides id, label, position). */
export const webhookStepFields = {
  method: z.enum(WEBHOOK_METHODS, { message: "Choose GET, POST, PUT, PATCH or DELETE" }),
  url: webhookUrlSchema,
  headers: z.array(webhookHeaderSchema).max(20).optional(),
  /** Liquid; values are JSON-escaped (liquid-modes.ts: renderLiquidJson). */
  body: z.string().max(50_000).optional(),
  /** Per attempt; 1–30 s. */
  timeoutSeconds: z.int().min(1).max(30).optional(),
  /** Counts against the frequency budget and the journey's message limit, like a send. */
  countsAsMessage: z.boolean().optional(),
};

/** A header as the shell queues it: a plain value, or the stored secret to put in. */
export type WebhookHeaderSpec =
  | { name: string; value: string }
  | { name: string; secretId: string };

export interface WebhookRequestSpec {
  method: WebhookMethod;
  url: string;
  headers: WebhookHeaderSpec[];
  /** The Liquid source, rendered by the shell (JSON mode). Null for GET and DELETE without one. */
  bodyTemplate: string | null;
  timeoutMs: number;
}

/** The request a step describes, before rendering. A secret not stored yet is left out. */
export function webhookRequestSpec(node: {
  method: WebhookMethod;
  url: string;
  headers?: readonly WebhookHeader[];
  body?: string;
  timeoutSeconds?: number;
}): WebhookRequestSpec {
  const headers: WebhookHeaderSpec[] = [];
  for (const header of node.headers ?? []) {
    if (header.secret) {
      if (header.secretId) headers.push({ name: header.name, secretId: header.secretId });
    } else {
      headers.push({ name: header.name, value: header.value ?? "" });
    }
  }
  const body = node.body?.trim() ? node.body : null;
  return {
    method: node.method,
    url: node.url,
    headers,
    bodyTemplate: body,
    timeoutMs: (node.timeoutSeconds ?? DEFAULT_WEBHOOK_TIMEOUT_SECONDS) * 1000,
  };
}

/** What the signature headers look like in a preview (the real ones are made at send time). */
export const SIGNATURE_HEADERS_NOTE: readonly { name: string; value: string }[] = [
  { name: "webhook-id", value: "(a new id per request, the same on every retry)" },
  { name: "webhook-timestamp", value: "(the time of the attempt)" },
  { name: "webhook-signature", value: "v1,… (the workspace's step signing secret)" },
];

/** The headers with every secret shown as the mask (preview, traces, API answers). */
export function maskedHeaders(spec: WebhookRequestSpec): { name: string; value: string }[] {
  return spec.headers.map((h) => ({ name: h.name, value: "value" in h ? h.value : SECRET_MASK }));
}

/** A header list with secret values removed (what the API and the UI get back). */
export function withoutSecretValues<T extends { headers?: WebhookHeader[] }>(node: T): T {
  if (!node.headers) return node;
  return {
    ...node,
    headers: node.headers.map((h) => {
      if (!h.secret) return h;
      const { value: _value, ...rest } = h;
      return rest;
    }),
  };
}
