// POST /api/webhooks/resend – Resend delivery events (Svix-signed; RESEND_WEBHOOK_SECRET)
import { errorResponse } from "@/lib/api/error-reply";
import { handleResendWebhook } from "@/lib/channels/email/handle-resend-webhook";

export async function POST(request: Request): Promise<Response> {
  try {
    // The signature covers the exact bytes, so the body is read as text, never re-serialized.
    const result = await handleResendWebhook({
      payload: await request.text(),
      headers: request.headers,
    });
    return Response.json({ ok: true, ...result });
  } catch (error) {
    return errorResponse(error, { route: "/api/webhooks/resend" });
  }
}
