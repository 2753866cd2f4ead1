// GET /metrics – Prometheus metrics of this process (off unless METRICS_TOKEN is set)
import { errorResponse } from "@/lib/api/errors";
import { answerMetrics } from "@/lib/metrics/answer-metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    const { contentType, body } = await answerMetrics(request.headers.get("authorization"));
    return new Response(body, {
      headers: { "content-type": contentType, "cache-control": "no-store" },
    });
  } catch (error) {
    const response = errorResponse(error, { route: "/metrics" });
    if (response.status === 401) response.headers.set("www-authenticate", 'Bearer realm="metrics"');
    return response;
  }
}
