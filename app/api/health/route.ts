// GET /api/health – database status and app version (for load balancers)
import { RETRY_AFTER_SECONDS } from "@/lib/db/availability";
import { checkHealth } from "@/lib/health/check-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await checkHealth();
  if (health.status === "ok") return Response.json(health);
  return Response.json(health, {
    status: 503,
    headers: { "Retry-After": String(RETRY_AFTER_SECONDS) },
  });
}
