// POST /api/unsubscribe/:token – one-click unsubscribe (RFC 8058; `?topic=` scopes it to that topic's email) and the preference page's forms
import { errorResponse } from "@/lib/api/error-reply";
import { ApiError } from "@/lib/api/errors";
import { unsubscribeWithToken } from "@/lib/channels/unsubscribe-profile";
import { oneClickUnsubscribe, savePreferencesForm } from "@/lib/topics/preference-page";

export async function POST(
  request: Request,
  context: { params: Promise<{ token: string }> },
): Promise<Response> {
  try {
    const { token } = await context.params;
    const url = new URL(request.url);
    const topic = url.searchParams.get("topic");
    // Mail clients post "List-Unsubscribe=One-Click"; the page posts from=page.
    // The signed URL is the authority either way, so the body is not required.
    const form = await request.formData().catch(() => null);
    const fromPage = form?.get("from") === "page";
    if (fromPage && form) {
      const saving = form.get("action") === "preferences";
      const ok = saving
        ? await savePreferencesForm(token, form)
        : await unsubscribeWithToken(token);
      const target = new URL(`/unsubscribe/${encodeURIComponent(token)}`, request.url);
      if (topic) target.searchParams.set("topic", topic);
      if (ok) target.searchParams.set(saving ? "saved" : "done", "1");
      return Response.redirect(target, 303);
    }
    const ok = await oneClickUnsubscribe(token, topic);
    if (!ok) throw new ApiError("not_found", "This unsubscribe link is not valid.");
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error, { route: "/api/unsubscribe/[token]" });
  }
}
