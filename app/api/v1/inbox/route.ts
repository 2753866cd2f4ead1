// GET /api/v1/inbox – a page of the end user's in-app feed, with unread/unseen counts
import { webRoutes } from "@/lib/http/web-routes";

export const { GET, OPTIONS } = webRoutes("/api/v1/inbox");

export const dynamic = "force-dynamic";
