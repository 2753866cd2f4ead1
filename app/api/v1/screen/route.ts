// POST /api/v1/screen – record a mobile screen view
import { webRoutes } from "@/lib/http/web-routes";

export const { POST, OPTIONS } = webRoutes("/api/v1/screen");
