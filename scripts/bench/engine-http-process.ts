// bench:engine's HTTP side when no CUE_URL is given: a process of its own, as
// a Cue web instance is, so the bench client (its 1,200 streams and the
// /track sender) does not share an event loop with the server it measures.
// The tracking API and GET /api/v1/inbox take the custom server's direct
// path (lib/runtime/direct-routes.ts), the stream its route handler, as
// under `npm start`. Prints `ready <url>` once listening; stops on SIGTERM.
import * as batch from "@/app/api/v1/batch/route";
import * as inbox from "@/app/api/v1/inbox/route";
import * as stream from "@/app/api/v1/inbox/stream/route";
import * as track from "@/app/api/v1/track/route";
import { serveDirect } from "@/lib/runtime/direct-routes";
import { startRouteServer } from "@/test/fixtures/route-server";

const context = { params: Promise.resolve({}) };
const server = await startRouteServer(
  {
    "/api/v1/track": { POST: track.POST },
    "/api/v1/batch": { POST: batch.POST },
    "/api/v1/inbox": { GET: (request) => inbox.GET(request, context) },
    "/api/v1/inbox/stream": { GET: (request) => stream.GET(request, context) },
  },
  { direct: serveDirect },
);
process.stdout.write(`ready ${server.url}\n`);
process.once("SIGTERM", () => {
  void server.close().finally(() => process.exit(0));
});
