"use client";

import { memo } from "react";
import { Button } from "@/components/ui/button";
import { NODE_TYPE_LABEL } from "@/lib/journey-builder/new-node";
import { assertNever } from "@/lib/journey-core/assert-never";
import type { JourneyEdge, JourneyNode } from "@/lib/journey-core/definition";
import type { JourneyIssue } from "@/lib/journey-core/validate-journey";
import { IssuesList, ReadyToPublish } from "../issues-list";
import { NodeIcon } from "../node-icon";
import { ExitsSection } from "./exits-section";
import { TextField } from "./fields";
import {
  ConditionForm,
  DelayForm,
  SplitForm,
  TriggerForm,
  type Update,
  WaitForm,
} from "./node-forms";
import { SendForm } from "./send-form";
import { UpdateProfileForm, WebhookForm } from "./step-forms";

interface InspectorProps {
  workspaceId: string;
  node: JourneyNode | null;
  selectedCount: number;
  nodes: readonly JourneyNode[];
  edges: readonly JourneyEdge[];
  issues: readonly JourneyIssue[];
  /** Never block publishing: event names the workspace has not received yet. */
  warnings: readonly JourneyIssue[];
  readOnly: boolean;
  onUpdate: (node: JourneyNode, field: string) => void;
  onSetExit: (from: string, exit: string, to: string | null) => void;
  onSelectNode: (id: string) => void;
  onDelete: () => void;
  onDuplicate: () => void;
}

function NodeForm({
  node,
  update,
  readOnly,
  workspaceId,
  issues,
}: {
  node: JourneyNode;
  update: Update<JourneyNode>;
  readOnly: boolean;
  workspaceId: string;
  issues: readonly JourneyIssue[];
}) {
  switch (node.type) {
    case "trigger":
      return <TriggerForm node={node} update={update} readOnly={readOnly} />;
    case "filter":
    case "branch":
      return <ConditionForm node={node} update={update} readOnly={readOnly} />;
    case "delay":
      return <DelayForm node={node} update={update} readOnly={readOnly} />;
    case "wait":
      return <WaitForm node={node} update={update} readOnly={readOnly} />;
    case "split":
      return <SplitForm node={node} update={update} readOnly={readOnly} />;
    case "send_email":
    case "send_inapp":
      return (
        <SendForm
          node={node}
          update={update}
          readOnly={readOnly}
          workspaceId={workspaceId}
          issues={issues}
        />
      );
    case "exit":
      return <p className="text-sm text-slate-600">Runs that reach this step end here.</p>;
    case "send_webhook":
      return <WebhookForm node={node} update={update} readOnly={readOnly} />;
    case "update_profile":
      return <UpdateProfileForm node={node} update={update} readOnly={readOnly} />;
    default:
      return assertNever(node);
  }
}

/** The side panel: the selected node's form, or the journey's problems and shortcuts. */
export const Inspector = memo(function Inspector(props: InspectorProps) {
  const { node, readOnly, issues, warnings } = props;
  if (!node) {
    return (
      <div className="space-y-4">
        <h2 className="text-base font-semibold">
          {props.selectedCount > 1 ? `${props.selectedCount} nodes selected` : "Journey"}
        </h2>
        <p className="text-sm text-slate-600">
          {readOnly
            ? "Select a node to see how it is set up."
            : "Select a node to edit it. Add steps from the palette: drag one onto the canvas, or select a node and press a step to add it after."}
        </p>
        {issues.length === 0 && !readOnly ? <ReadyToPublish /> : null}
        <IssuesList issues={issues} onSelectNode={props.onSelectNode} />
        <IssuesList
          issues={warnings}
          onSelectNode={props.onSelectNode}
          tone="warning"
          label="Warnings"
        />
        {readOnly ? null : <Shortcuts />}
      </div>
    );
  }
  const nodeIssues = issues.filter((issue) => issue.nodeId === node.id);
  const update: Update<JourneyNode> = (next, field) => props.onUpdate(next, field);
  return (
    <form
      aria-label={`${NODE_TYPE_LABEL[node.type]} settings`}
      className="space-y-4"
      onSubmit={(e) => e.preventDefault()}
    >
      <div className="flex items-center gap-2">
        <NodeIcon type={node.type} />
        <h2 className="text-base font-semibold">{NODE_TYPE_LABEL[node.type]}</h2>
      </div>
      <IssuesList
        issues={nodeIssues}
        onSelectNode={props.onSelectNode}
        title="To finish this step"
      />
      <TextField
        label="Name on the canvas (optional)"
        value={node.label ?? ""}
        onChange={(label) => update({ ...node, label: label || undefined }, "label")}
        readOnly={readOnly}
      />
      <NodeForm
        node={node}
        update={update}
        readOnly={readOnly}
        workspaceId={props.workspaceId}
        issues={nodeIssues}
      />
      <ExitsSection
        node={node}
        nodes={props.nodes}
        edges={props.edges}
        readOnly={readOnly}
        onSetExit={(exit, to) => props.onSetExit(node.id, exit, to)}
      />
      {readOnly ? null : (
        <div className="flex gap-2 border-t border-slate-200 pt-3">
          <Button variant="secondary" onClick={props.onDuplicate}>
            Duplicate
          </Button>
          <Button variant="danger" onClick={props.onDelete}>
            Delete step
          </Button>
        </div>
      )}
    </form>
  );
});

const SHORTCUTS: [string, string][] = [
  ["Ctrl+Z", "Undo"],
  ["Ctrl+Shift+Z", "Redo"],
  ["Delete", "Delete the selection"],
  ["Ctrl+C / Ctrl+V", "Copy / paste"],
  ["Ctrl+D", "Duplicate"],
  ["Tab, Enter", "Move between nodes, select"],
  ["Arrow keys", "Move the selected nodes"],
];

function Shortcuts() {
  return (
    <section aria-label="Keyboard shortcuts" className="border-t border-slate-200 pt-3">
      <h3 className="text-sm font-semibold">Keyboard</h3>
      <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys} className="contents">
            <dt>
              <kbd className="rounded border border-slate-300 bg-slate-50 px-1">{keys}</kbd>
            </dt>
            <dd className="text-slate-600">{what}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
