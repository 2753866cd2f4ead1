// GET /sourceConfig – the source configuration RudderStack's JavaScript SDK loads from its configUrl
import { webRoutes } from "@/lib/http/web-routes";

export const { GET, OPTIONS } = webRoutes("/sourceConfig");
