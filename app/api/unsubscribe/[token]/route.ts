// POST /api/unsubscribe/:token – one-click unsubscribe (RFC 8058) and the unsubscribe page's button
import { errorResponse } from "@/lib/api/error-reply";
import { ApiError } from "@/lib/api/errors";
import { unsubscribeWithToken } from "@/lib/channels/unsubscribe-profile";

export async function POST(
  request: Request,
  context: { params: Promise<{ token: string }> },
): Promise<Response> {
  try {
    const { token } = await context.params;
    // Mail clients post "List-Unsubscribe=One-Click"; the page posts from=page.
    // The signed URL is the authority either way, so the body is not required.
    const form = await request.formData().catch(() => null);
    const fromPage = form?.get("from") === "page";
    const ok = await unsubscribeWithToken(token);
    if (fromPage) {
      const target = new URL(`/unsubscribe/${encodeURIComponent(token)}`, request.url);
      if (ok) target.searchParams.set("done", "1");
      return Response.redirect(target, 303);
    }
    if (!ok) throw new ApiError("not_found", "This unsubscribe link is not valid.");
    return Response.json({ ok: true });
  } catch (error) {
    return errorResponse(error, { route: "/api/unsubscribe/[token]" });
  }
}
