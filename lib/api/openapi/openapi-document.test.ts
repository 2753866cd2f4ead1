import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { validate } from "@readme/openapi-parser";

type OpenAPIDocument = Parameters<typeof validate>[0];

import { describe, expect, it } from "vitest";
import { sendMessageSchema } from "@/lib/channels/send-message-schema";
import { TEMPLATE_EXAMPLES, templateInputSchema } from "@/lib/channels/templates/template-schemas";
import { INBOX_ACTIONS } from "@/lib/inbox/inbox-schemas";
import { journeyActionSchema } from "@/lib/journeys/journey-schemas";
import { cueOpenApi } from "./openapi-document";

// The document must describe every public route: each method a route file
// under app/api/v1 exports, and each tracking path of the handler table
// (their /v1 forms are documented by their /api/v1 ones). It must be valid
// OpenAPI 3.1, and every operation must carry what a client needs.

type Operation = {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: unknown[];
  responses?: Record<string, unknown>;
  requestBody?: unknown;
};
const doc = cueOpenApi("http://cue.test") as {
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
};
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const root = path.resolve(import.meta.dirname, "../../..");
const V1 = path.join(root, "app/api/v1");
/** Not operations: the catch-all 404 and the document itself. */
const NOT_OPERATIONS = ["/api/v1/[...path]", "/api/v1/openapi.json"];

/** Every `METHOD /api/v1/...` a route file exports, `[param]` segments kept. */
function routeFileOperations(): string[] {
  const files = readdirSync(V1, { recursive: true, encoding: "utf8" }).filter(
    (file) => path.basename(file) === "route.ts",
  );
  const found: string[] = [];
  for (const file of files) {
    const route = `/api/v1/${path.dirname(file)}`.replace(/\/\.$/, "");
    if (NOT_OPERATIONS.includes(route)) continue;
    const source = readFileSync(path.join(V1, file), "utf8");
    const exported = new Set<string>();
    for (const match of source.matchAll(/export const \{([^}]+)\}/g)) {
      for (const name of match[1]?.split(",") ?? []) exported.add(name.trim());
    }
    for (const match of source.matchAll(/export (?:const|async function|function) (\w+)/g)) {
      exported.add(match[1] ?? "");
    }
    for (const method of METHODS) if (exported.has(method)) found.push(`${method} ${route}`);
  }
  return found.sort();
}

const routeFiles = routeFileOperations().map((operation) => operation.split(" ")[1] ?? "");

/** Next's precedence: a static segment beats a dynamic one, from the left. */
const rank = (route: string) =>
  route
    .split("/")
    .map((segment) => (segment.startsWith("[") ? "1" : "0"))
    .join("");

/** The route file (`[id]` segments) that serves a document path, as Next picks it. */
function routeFileFor(documentPath: string): string | undefined {
  return routeFiles
    .filter((route) => new RegExp(`^${route.replace(/\[[^\]]+\]/g, "[^/]+")}$`).test(documentPath))
    .sort((a, b) => rank(a).localeCompare(rank(b)))[0];
}

/** The document's paths that a route file serves. */
function documentedPaths(route: string): string[] {
  return Object.keys(doc.paths).filter((p) => routeFileFor(p) === route);
}

const operations = Object.entries(doc.paths).flatMap(([p, item]) =>
  Object.entries(item).map(([method, op]) => ({ key: `${method.toUpperCase()} ${p}`, op })),
);

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1 (@readme/openapi-parser)", async () => {
    const result = await validate(structuredClone(cueOpenApi()) as unknown as OpenAPIDocument);
    expect(result.valid ? [] : result.errors).toEqual([]);
    expect(doc.info.title).toBe("Cue API");
    // The validator does catch a broken document.
    const broken = structuredClone(cueOpenApi()) as { paths: Record<string, unknown> };
    broken.paths["/api/v1/track"] = { post: { responses: "none" } };
    expect((await validate(broken as unknown as OpenAPIDocument)).valid).toBe(false);
  });

  it("reads the route files (this test's scan finds the API)", () => {
    const found = routeFileOperations();
    expect(found).toContain("POST /api/v1/track");
    expect(found).toContain("PATCH /api/v1/webhooks/[id]");
    expect(found).toContain("PUT /api/v1/journeys/[id]");
    expect(found.length).toBeGreaterThan(30);
  });

  it("documents every method of every public route file under app/api/v1", () => {
    const missing = routeFileOperations().filter((operation) => {
      const [method, route] = operation.split(" ") as [string, string];
      const paths = documentedPaths(route);
      return paths.length === 0 || paths.some((p) => !doc.paths[p]?.[method.toLowerCase()]);
    });
    expect(missing).toEqual([]);
  });

  it("documents no operation that neither a route file nor the handler table serves", async () => {
    const { API_ROUTES } = await import("@/lib/http/api-routes");
    const served = routeFileOperations();
    const phantom = operations.filter(({ key }) => {
      const [method, p] = key.split(" ") as [string, string];
      if (`${method} ${p.replace(/\{(\w+)\}/g, ":$1")}` in API_ROUTES) return false;
      return !served.some((operation) => {
        const [m, route] = operation.split(" ") as [string, string];
        return m === method && documentedPaths(route).includes(p);
      });
    });
    expect(phantom.map(({ key }) => key)).toEqual([]);
  });

  it("documents each journey action the route accepts, and the inbox's", () => {
    const actions = Object.keys(doc.paths)
      .filter((p) => p.startsWith("/api/v1/journeys/{id}/") && p !== "/api/v1/journeys/{id}/runs")
      .map((p) => p.split("/").at(-1));
    expect(actions.sort()).toEqual([...journeyActionSchema.options].sort());
    const inbox = doc.paths["/api/v1/inbox/{id}/{action}"]?.post as {
      parameters: { name: string; schema: { enum?: string[] } }[];
    };
    expect(inbox.parameters.find((p) => p.name === "action")?.schema.enum).toEqual([
      ...INBOX_ACTIONS,
    ]);
  });

  it("describes the handler table's entries (tracking paths by their /api/v1 forms)", async () => {
    const { API_ROUTES } = await import("@/lib/http/api-routes");
    const missing: string[] = [];
    for (const [key, route] of Object.entries(API_ROUTES)) {
      const [method, p] = key.split(" ") as [string, string];
      if (method === "OPTIONS") continue;
      const canonical =
        route.api === "tracking"
          ? `/api/v1/${route.call}`
          : p.replace(/:(\w+)/g, "{$1}").replace(/^\/v1\/sourceConfig$/, "/sourceConfig");
      if (!doc.paths[canonical]?.[method.toLowerCase()]) missing.push(key);
    }
    expect(missing).toEqual([]);
  });

  it("gives every operation an operationId, a tag, a summary, its security and its error envelope", () => {
    const ids = operations.map(({ op }) => op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const incomplete = operations.filter(({ op }) => {
      const codes = Object.keys(op.responses ?? {});
      return (
        !op.operationId ||
        !op.tags?.length ||
        !op.summary ||
        !Array.isArray(op.security) ||
        !codes.some((code) => code.startsWith("2")) ||
        !codes.includes("401")
      );
    });
    expect(incomplete.map(({ key }) => key)).toEqual([]);
  });

  it("shows the in-app content of POST /api/v1/messages with examples", () => {
    const body = doc.paths["/api/v1/messages"]?.post?.requestBody as {
      content: { "application/json": { examples: Record<string, { value: unknown }> } };
    };
    const examples = Object.values(body.content["application/json"].examples);
    expect(JSON.stringify(examples)).toContain('"channel":"in_app"');
    // Each example is a body the route accepts.
    for (const { value } of examples)
      expect(sendMessageSchema.safeParse(value).error).toBeUndefined();
    const schemas = (cueOpenApi() as { components: { schemas: Record<string, unknown> } })
      .components.schemas;
    expect(JSON.stringify(schemas.SendMessage)).toContain('"inApp"');
  });

  it("describes the configuration and debugging API with a description and examples", () => {
    const ids = [
      "getMessage",
      "listProfileMessages",
      "listProfileRuns",
      "getWorkspace",
      "listTemplates",
      "createTemplate",
      "getTemplate",
      "updateTemplate",
      "deleteTemplate",
      "getDeliveryRules",
      "putDeliveryRules",
      "getAllowedOrigins",
      "putAllowedOrigins",
      "getEmailSettings",
      "putEmailSettings",
    ];
    const byId = new Map(operations.map(({ key, op }) => [op.operationId, { key, op }]));
    const lacking = ids.filter((id) => {
      const found = byId.get(id);
      if (!found) return true;
      const op = found.op as Operation & { description?: string };
      const success = Object.entries(op.responses ?? {}).find(([code]) => code.startsWith("2"));
      const answer = JSON.stringify(success?.[1] ?? {});
      const body = JSON.stringify(op.requestBody ?? {});
      return (
        !op.description ||
        (success?.[0] !== "204" && !answer.includes('"example"')) ||
        (op.requestBody !== undefined && !/"examples?"/.test(body))
      );
    });
    expect(lacking).toEqual([]);
  });

  it("shows template bodies the route accepts, in-app ones included", () => {
    const examples = Object.values(TEMPLATE_EXAMPLES);
    expect(JSON.stringify(examples)).toContain('"channel":"in_app"');
    for (const { value } of examples)
      expect(templateInputSchema.safeParse(value).error).toBeUndefined();
  });

  it("names the message list's query parameters after the schema the route parses", () => {
    const list = doc.paths["/api/v1/profiles/{userId}/messages"]?.get as {
      parameters: { name: string }[];
    };
    expect(list.parameters.map((p) => p.name).sort()).toEqual(
      ["channel", "cursor", "limit", "status", "userId"].sort(),
    );
  });
});
