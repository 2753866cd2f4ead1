import { describe, expect, it } from "vitest";
import { JOURNEY_TEMPLATES } from "@/lib/journey-core/templates";
import { autoLayout, NODE_HEIGHT, NODE_WIDTH } from "./auto-layout";

describe("autoLayout", () => {
  const { definition } = JOURNEY_TEMPLATES[1]; // trigger → wait (did | timeout) → …
  const positions = autoLayout(
    definition.nodes.map((node) => ({ node })),
    definition.edges,
  );

  it("places every node, each child below its parent", () => {
    expect(positions.size).toBe(definition.nodes.length);
    for (const edge of definition.edges) {
      expect(positions.get(edge.to)!.y).toBeGreaterThan(positions.get(edge.from)!.y);
    }
  });

  it("puts did it on the left of timed out", () => {
    expect(positions.get("finished")!.x).toBeLessThan(positions.get("nudge-email")!.x);
  });

  it("never overlaps two nodes", () => {
    const boxes = [...positions.values()];
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = Math.abs(a.x - b.x) >= NODE_WIDTH || Math.abs(a.y - b.y) >= NODE_HEIGHT;
        expect(apart).toBe(true);
      }
    }
  });

  it("uses measured sizes when given", () => {
    const tall = autoLayout(
      [
        { node: definition.nodes[0], height: 400 },
        { node: definition.nodes[1], height: 50 },
      ],
      [definition.edges[0]],
    );
    expect(
      tall.get(definition.nodes[1].id)!.y - tall.get(definition.nodes[0].id)!.y,
    ).toBeGreaterThanOrEqual(400);
  });
});

describe("autoLayout on every template", () => {
  it.each(JOURNEY_TEMPLATES.map((t) => [t.slug, t.definition] as const))(
    "lays out %s top to bottom in distinct spots",
    (_slug, definition) => {
      const positions = autoLayout(
        definition.nodes.map((node) => ({ node })),
        definition.edges,
      );
      for (const edge of definition.edges) {
        expect(positions.get(edge.to)!.y).toBeGreaterThan(positions.get(edge.from)!.y);
      }
      const spots = new Set([...positions.values()].map((p) => `${p.x},${p.y}`));
      expect(spots.size).toBe(definition.nodes.length);
      // Siblings read left to right in exit order (yes/no, did/timeout, split variants).
      for (const node of definition.nodes) {
        const xs = definition.edges
          .filter((e) => e.from === node.id)
          .map((e) => positions.get(e.to)!.x);
        expect(xs).toEqual([...xs].sort((a, b) => a - b));
      }
    },
  );
});
