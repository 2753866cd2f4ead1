"use client";

import { useId } from "react";
import { connectableTargets } from "@/lib/journey-builder/connection-rules";
import { describeNode } from "@/lib/journey-builder/describe-node";
import { NODE_TYPE_LABEL } from "@/lib/journey-builder/new-node";
import { exitsForNode } from "@/lib/journey-builder/node-exits";
import type { JourneyEdge, JourneyNode } from "@/lib/journey-core/definition";
import { DEFAULT_EXIT } from "@/lib/journey-core/journey-graph";
import { INPUT } from "./fields";

function baseName(node: JourneyNode): string {
  return node.label || `${NODE_TYPE_LABEL[node.type]}: ${describeNode(node)}`;
}

/** Each step's name in the selects; two steps that read the same are numbered, never shown by id. */
export function stepNames(nodes: readonly JourneyNode[]): Map<string, string> {
  const seen = new Map<string, number>();
  const total = new Map<string, number>();
  for (const node of nodes) total.set(baseName(node), (total.get(baseName(node)) ?? 0) + 1);
  return new Map(
    nodes.map((node) => {
      const name = baseName(node);
      const nth = (seen.get(name) ?? 0) + 1;
      seen.set(name, nth);
      return [node.id, (total.get(name) ?? 0) > 1 ? `${name} (${nth})` : name];
    }),
  );
}

/** Where each exit leads, as selects: wiring without a mouse. */
export function ExitsSection({
  node,
  nodes,
  edges,
  onSetExit,
  readOnly,
}: {
  node: JourneyNode;
  nodes: readonly JourneyNode[];
  edges: readonly JourneyEdge[];
  onSetExit: (exit: string, to: string | null) => void;
  readOnly: boolean;
}) {
  const baseId = useId();
  const exits = exitsForNode(node);
  if (exits.length === 0) return null;
  const names = stepNames(nodes);
  return (
    <fieldset className="space-y-2 border-t border-slate-200 pt-3">
      <legend className="text-sm font-semibold">Leads to</legend>
      {exits.map((exit) => {
        const id = `${baseId}-${exit.id}`;
        const current = edges.find(
          (e) => e.from === node.id && (e.exit ?? DEFAULT_EXIT) === exit.id,
        )?.to;
        const others = edges.filter(
          (e) => !(e.from === node.id && (e.exit ?? DEFAULT_EXIT) === exit.id),
        );
        const allowed = new Set(connectableTargets({ nodes, edges: others }, node.id, exit.id));
        const options = nodes.filter((target) => target.id === current || allowed.has(target.id));
        return (
          <div key={exit.id} className="space-y-1">
            <label htmlFor={id} className="block text-xs font-medium text-slate-700">
              {exit.label ? `${exit.label} →` : "Next →"}
            </label>
            <select
              id={id}
              className={`${INPUT} ${current ? "" : "border-amber-400"}`}
              value={current ?? ""}
              disabled={readOnly}
              onChange={(e) => onSetExit(exit.id, e.target.value || null)}
            >
              <option value="">Not connected</option>
              {options.map((target) => (
                <option key={target.id} value={target.id}>
                  {names.get(target.id)}
                </option>
              ))}
            </select>
          </div>
        );
      })}
    </fieldset>
  );
}
