"use client";

import { Handle, type NodeProps, type NodeTypes, Position } from "@xyflow/react";
import { memo } from "react";
import { describeNode } from "@/lib/journey-builder/describe-node";
import type { JourneyFlowNode } from "@/lib/journey-builder/flow-types";
import { NODE_TYPE_LABEL } from "@/lib/journey-builder/new-node";
import { exitsForNode, hasEntry } from "@/lib/journey-builder/node-exits";
import { unseenEventFlag } from "@/lib/journey-core/unseen-events";
import { type NodeStat, useNodeDecorations } from "./node-decorations";
import { NodeIcon } from "./node-icon";

const HANDLE = "!size-3 !border-2 !border-white !bg-slate-500";

function StatLine({ stat, send }: { stat: NodeStat; send: boolean }) {
  return (
    <p className="mt-2 flex flex-wrap gap-x-2 text-[11px] text-slate-600" data-testid="node-stats">
      <span title="Entered this node">{stat.entered.toLocaleString()} entered</span>
      <span title="Waiting here now">{stat.waiting.toLocaleString()} waiting</span>
      <span title="Went on to the next step">{stat.passed.toLocaleString()} passed</span>
      {send ? <span title="Messages sent">{(stat.sent ?? 0).toLocaleString()} sent</span> : null}
    </p>
  );
}

/**
 * One node on the canvas. Memoised, and fed only its own data: dragging one
 * node re-renders that node, not the other 149.
 */
function JourneyNodeView({ id, data, selected }: NodeProps<JourneyFlowNode>) {
  const { issues, warnings, stats, highlighted, readOnly } = useNodeDecorations();
  const node = data.node;
  const nodeIssues = issues.get(id);
  const nodeWarnings = warnings?.get(id);
  const exits = exitsForNode(node);
  const stat = stats?.[id];
  const ring = selected
    ? "ring-2 ring-brand-500"
    : highlighted?.has(id)
      ? "ring-4 ring-amber-300"
      : "";
  return (
    <div
      className={`w-60 rounded-lg border bg-white px-3 pt-2 shadow-sm ${exits.length ? "pb-6" : "pb-3"} ${
        nodeIssues ? "border-amber-400" : "border-slate-300"
      } ${ring}`}
      data-testid={`journey-node-${id}`}
    >
      {hasEntry(node) ? (
        <Handle
          type="target"
          position={Position.Top}
          className={HANDLE}
          isConnectable={!readOnly}
        />
      ) : null}
      <div className="flex items-center gap-2">
        <NodeIcon type={node.type} />
        <span className="text-xs font-medium uppercase tracking-wide text-slate-500">
          {NODE_TYPE_LABEL[node.type]}
        </span>
        {nodeIssues ? (
          <span
            className="ml-auto rounded-full bg-amber-100 px-2 text-xs font-medium text-amber-900"
            title={nodeIssues.map((issue) => issue.humanMessage).join("\n")}
            data-testid="node-issues"
          >
            {nodeIssues.length} to do
          </span>
        ) : null}
      </div>
      {node.label ? <p className="mt-1 truncate text-sm font-semibold">{node.label}</p> : null}
      <p className="mt-1 line-clamp-2 text-xs text-slate-600">{describeNode(node)}</p>
      {nodeIssues ? (
        <p className="mt-1 line-clamp-2 text-xs text-amber-900" role="note">
          {nodeIssues[0].humanMessage}
        </p>
      ) : null}
      {nodeWarnings?.map((warning) => (
        <p
          key={warning.field}
          className="mt-1 text-xs text-amber-800"
          data-testid="node-warning"
          title={warning.humanMessage}
        >
          {unseenEventFlag(warning.event)}
        </p>
      ))}
      {stat ? (
        <StatLine stat={stat} send={node.type === "send_email" || node.type === "send_inapp"} />
      ) : null}
      {exits.map((exit, index) => {
        const left = `${((index + 1) / (exits.length + 1)) * 100}%`;
        return (
          <div key={exit.id}>
            {exit.label ? (
              <span
                className="absolute bottom-1.5 -translate-x-1/2 whitespace-nowrap text-[10px] font-medium text-slate-500"
                style={{ left }}
              >
                {exit.label}
              </span>
            ) : null}
            <Handle
              type="source"
              id={exit.id}
              position={Position.Bottom}
              className={HANDLE}
              style={{ left }}
              isConnectable={!readOnly}
              data-testid={`handle-${id}-${exit.id}`}
            />
          </div>
        );
      })}
    </div>
  );
}

export const JourneyNodeComponent = memo(JourneyNodeView);

/** Module scope: a new object per render would make React Flow remount every node. */
export const NODE_TYPES: NodeTypes = {
  trigger: JourneyNodeComponent,
  filter: JourneyNodeComponent,
  branch: JourneyNodeComponent,
  delay: JourneyNodeComponent,
  wait: JourneyNodeComponent,
  split: JourneyNodeComponent,
  send_email: JourneyNodeComponent,
  send_inapp: JourneyNodeComponent,
  exit: JourneyNodeComponent,
};
