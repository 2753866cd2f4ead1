// GET /v1/projects/:writeKey/settings – the settings document Segment's browser library loads from its cdnURL
import { webRoutes } from "@/lib/http/web-routes";

export const { GET, OPTIONS } = webRoutes("/v1/projects/:writeKey/settings");
