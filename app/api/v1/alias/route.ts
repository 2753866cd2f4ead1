// POST /api/v1/alias – link a previous id to a userId
import { webRoutes } from "@/lib/http/web-routes";

export const { POST, OPTIONS } = webRoutes("/api/v1/alias");
