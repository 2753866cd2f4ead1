// POST /api/v1/track – record a user action
import { webRoutes } from "@/lib/http/web-routes";

export const { POST, OPTIONS } = webRoutes("/api/v1/track");
