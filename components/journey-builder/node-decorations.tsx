"use client";

import { createContext, useContext } from "react";
import type { UnseenEventWarning } from "@/lib/journey-core/unseen-events";
import type { JourneyIssue } from "@/lib/journey-core/validate-journey";

/** Counts for one node over the stats window (from the node-stats API). */
export interface NodeStat {
  entered: number;
  waiting: number;
  passed: number;
  sent?: number;
}
export type NodeStats = Record<string, NodeStat>;

/**
 * What the canvas draws on top of each node: validation issues, live counts
 * and highlighting. Kept out of the nodes' `data` so a new validation result
 * does not rebuild every node object (and a drag never rebuilds them at all).
 */
export interface NodeDecorations {
  issues: ReadonlyMap<string, JourneyIssue[]>;
  /** Warnings that never block publishing (an event name not received yet). */
  warnings?: ReadonlyMap<string, UnseenEventWarning[]>;
  stats?: NodeStats;
  highlighted?: ReadonlySet<string>;
  readOnly: boolean;
}

const EMPTY: NodeDecorations = { issues: new Map(), readOnly: true };

export const NodeDecorationsContext = createContext<NodeDecorations>(EMPTY);

export function useNodeDecorations(): NodeDecorations {
  return useContext(NodeDecorationsContext);
}

export function issuesByNode<T extends JourneyIssue>(issues: readonly T[]): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const issue of issues) {
    if (!issue.nodeId) continue;
    map.set(issue.nodeId, [...(map.get(issue.nodeId) ?? []), issue]);
  }
  return map;
}
