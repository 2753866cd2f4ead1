// POST /api/v1/batch – ingest a batch of calls (Segment HTTP Tracking API)
import { webRoutes } from "@/lib/http/web-routes";

export const { POST, OPTIONS } = webRoutes("/api/v1/batch");
