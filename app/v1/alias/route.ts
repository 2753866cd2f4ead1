// POST /v1/alias – the tracking API at the path Segment's and RudderStack's libraries build from Cue's URL
import { webRoutes } from "@/lib/http/web-routes";

export const { POST, OPTIONS } = webRoutes("/v1/alias");
