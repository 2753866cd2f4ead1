// bench:engine's HTTP side when no CUE_URL is given: a process of its own, as
// a Cue web instance is, so the bench client (its 1,200 streams and the
// /track sender) does not share an event loop with the server it measures.
// The handler table's endpoints (the tracking API, GET /api/v1/inbox) take
// the custom server's door (lib/http/serve-node.ts), the stream its route
// handler, as under `npm start`. Prints `ready <url>` once listening; stops
// on SIGTERM.
import * as stream from "@/app/api/v1/inbox/stream/route";
import { serveApiRoute } from "@/lib/http/serve-node";
import { startRouteServer } from "@/test/fixtures/route-server";

const context = { params: Promise.resolve({}) };
const server = await startRouteServer(
  { "/api/v1/inbox/stream": { GET: (request) => stream.GET(request, context) } },
  { direct: serveApiRoute },
);
process.stdout.write(`ready ${server.url}\n`);
process.once("SIGTERM", () => {
  void server.close().finally(() => process.exit(0));
});
