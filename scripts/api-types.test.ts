import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { components, operations } from "@/lib/api/generated/cue-api";
import type { SendMessageInput } from "@/lib/channels/send-message-schema";
import { API_TYPES, generateApiTypes } from "./api-types";

describe("lib/api/generated/cue-api.ts", () => {
  it("is what the OpenAPI document generates (run `npm run api:types` after changing the API)", async () => {
    expect(readFileSync(API_TYPES, "utf8")).toBe(await generateApiTypes());
  });

  it("types requests as the routes' zod schemas do (checked by `npm run typecheck`)", () => {
    type Body = operations["sendMessage"]["requestBody"]["content"]["application/json"];
    expectTypeOf<Body>().toEqualTypeOf<components["schemas"]["SendMessage"]>();
    // A valid request for the route is a valid request for the generated client.
    expectTypeOf<Omit<SendMessageInput, "content" | "data">>().toExtend<
      Omit<Body, "content" | "data">
    >();
    const body: Body = {
      userId: "user_123",
      idempotencyKey: "k1",
      content: { channel: "in_app", inApp: { kind: "card", title: "Hi" } },
    };
    expect(body.userId).toBe("user_123");
  });
});
