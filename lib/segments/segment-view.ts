import type { Segment } from "@/lib/generated/prisma/client";

// What the API answers for a segment.

export interface SegmentView {
  id: string;
  name: string;
  description: string;
  kind: "condition" | "manual";
  condition: unknown;
  status: "computing" | "ready";
  size: number;
  computedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export function toSegmentView(row: Segment, size: number): SegmentView {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    kind: row.kind === "manual" ? "manual" : "condition",
    condition: row.condition ?? null,
    status: row.status === "ready" ? "ready" : "computing",
    size,
    computedAt: row.computedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
