// POST /api/v1/identify – record who a user is and their traits
import { webRoutes } from "@/lib/http/web-routes";

export const { POST, OPTIONS } = webRoutes("/api/v1/identify");
