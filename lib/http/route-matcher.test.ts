import { describe, expect, it } from "vitest";
import { pathParams, routeMatcher, splitRouteKey } from "./route-matcher";

const find = routeMatcher({
  "POST /api/v1/track": "track",
  "OPTIONS /api/v1/track": "track preflight",
  "GET /v1/projects/:writeKey/settings": "settings",
  "GET /v1/projects/latest/settings": "latest",
});

describe("routeMatcher", () => {
  it("finds an exact method and path", () => {
    expect(find("POST", "/api/v1/track")).toEqual({ route: "track", params: {} });
    expect(find("OPTIONS", "/api/v1/track")?.route).toBe("track preflight");
  });

  it("finds nothing for another method, a longer or shorter path, or a trailing slash", () => {
    expect(find("GET", "/api/v1/track")).toBeNull();
    expect(find("POST", "/api/v1/track/")).toBeNull();
    expect(find("POST", "/api/v1/track/x")).toBeNull();
    expect(find("POST", "/api/v1")).toBeNull();
    expect(find("POST", "/api/v1/TRACK")).toBeNull();
  });

  it("hands `:name` segments to the route, decoded", () => {
    expect(find("GET", "/v1/projects/wk_a%20b/settings")).toEqual({
      route: "settings",
      params: { writeKey: "wk_a b" },
    });
  });

  it("prefers an exact path to a pattern", () => {
    expect(find("GET", "/v1/projects/latest/settings")?.route).toBe("latest");
  });

  it("does not match an empty segment or a malformed escape", () => {
    expect(find("GET", "/v1/projects//settings")).toBeNull();
    expect(find("GET", "/v1/projects/%E0%A4%A/settings")).toBeNull();
  });
});

describe("pathParams and splitRouteKey", () => {
  it("read a pattern and a key", () => {
    expect(pathParams("/a/:x/c/:y", "/a/1/c/2")).toEqual({ x: "1", y: "2" });
    expect(pathParams("/a/:x", "/b/1")).toBeNull();
    expect(splitRouteKey("OPTIONS /api/v1/inbox")).toEqual({
      method: "OPTIONS",
      path: "/api/v1/inbox",
    });
  });
});
