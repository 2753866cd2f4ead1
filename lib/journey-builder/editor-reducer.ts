// Everything the editor can do to a journey, as one pure reducer over the
// undo history of the flow view. React Flow's own changes (drag, select,
// measure) arrive as `nodes-change`/`edges-change`; only finished edits
// become undo steps (see history.ts for commit vs transient).

import {
  applyEdgeChanges,
  applyNodeChanges,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import { assertNever } from "@/lib/journey-core/assert-never";
import type {
  JourneyEdge,
  JourneyNode,
  JourneySettings,
  NodeType,
} from "@/lib/journey-core/definition";
import { DEFAULT_EXIT } from "@/lib/journey-core/journey-graph";
import { autoLayout } from "./auto-layout";
import { type ClipboardData, pasteNodes } from "./clipboard";
import { canAddNode, checkConnection } from "./connection-rules";
import type { FlowDoc, JourneyFlowEdge, JourneyFlowNode } from "./flow-types";
import { fromFlowEdge, fromFlowNode } from "./from-flow";
import { type History, historyReducer, initHistory } from "./history";
import { insertNode } from "./insert-node";
import { exitsForNode } from "./node-exits";
import { edgeId, toFlowEdge } from "./to-flow";

export type EditorAction =
  | { type: "nodes-change"; changes: NodeChange<JourneyFlowNode>[] }
  | { type: "edges-change"; changes: EdgeChange<JourneyFlowEdge>[] }
  | { type: "connect"; connection: Connection }
  /** From the inspector: point one exit at a node, or disconnect it (to: null). */
  | { type: "set-exit"; from: string; exit: string; to: string | null }
  | { type: "update-node"; node: JourneyNode; coalesce?: string }
  | {
      type: "insert";
      nodeType: NodeType;
      afterId?: string | null;
      position?: { x: number; y: number };
    }
  | { type: "delete-selection" }
  | { type: "paste"; clip: ClipboardData }
  | { type: "select-node"; id: string | null }
  | { type: "layout" }
  | { type: "settings"; settings: JourneySettings; coalesce?: string }
  | { type: "undo" }
  | { type: "redo" }
  | { type: "reset"; doc: FlowDoc };

export type EditorState = History<FlowDoc>;

export const initEditor = (doc: FlowDoc): EditorState => initHistory(doc);

export const journeyNodes = (doc: FlowDoc): JourneyNode[] => doc.nodes.map(fromFlowNode);
export const journeyEdges = (doc: FlowDoc): JourneyEdge[] => doc.edges.map(fromFlowEdge);

/** The document with every node placed by the auto-layout, at its measured size when known. */
export function layoutDoc(doc: FlowDoc): FlowDoc {
  const positions = autoLayout(
    doc.nodes.map((flow) => ({
      node: flow.data.node,
      width: flow.measured?.width,
      height: flow.measured?.height,
    })),
    journeyEdges(doc),
  );
  const nodes = doc.nodes.map((flow) => ({
    ...flow,
    position: positions.get(flow.id) ?? flow.position,
  }));
  return { ...doc, nodes };
}

export function selectedNodeIds(doc: FlowDoc): Set<string> {
  return new Set(doc.nodes.filter((node) => node.selected).map((node) => node.id));
}

function flowNode(node: JourneyNode, selected = false): JourneyFlowNode {
  return {
    id: node.id,
    type: node.type,
    position: node.position ?? { x: 0, y: 0 },
    data: { node },
    selected,
  };
}

function withEdges(doc: FlowDoc, edges: readonly JourneyEdge[]): JourneyFlowEdge[] {
  const seen = new Set<string>();
  const previous = new Map(doc.edges.map((edge) => [edge.id, edge]));
  return edges.map((edge) => {
    const id = edgeId(edge, seen);
    // Keep unchanged edge objects (and their selection) as they were.
    return previous.get(id) ?? toFlowEdge(edge, id);
  });
}

/** Only selection moves to `ids`; untouched nodes keep their object identity. */
function selectOnly(nodes: JourneyFlowNode[], ids: ReadonlySet<string>): JourneyFlowNode[] {
  return nodes.map((node) => {
    const selected = ids.has(node.id);
    return Boolean(node.selected) === selected ? node : { ...node, selected };
  });
}

/** Exits that no longer exist (a removed split variant) lose their edges. */
function pruneEdges(doc: FlowDoc, node: JourneyNode): JourneyFlowEdge[] {
  const exits = new Set(exitsForNode(node).map((exit) => exit.id));
  return doc.edges.filter(
    (edge) => edge.source !== node.id || exits.has(edge.sourceHandle ?? DEFAULT_EXIT),
  );
}

function applyDoc(
  doc: FlowDoc,
  action: EditorAction,
): { doc: FlowDoc; commit: boolean; coalesce?: string } | null {
  switch (action.type) {
    case "nodes-change": {
      const nodes = applyNodeChanges(action.changes, doc.nodes);
      // A finished move (drag end, arrow key) is an edit; everything else is view state.
      const moved = action.changes.some((c) => c.type === "position" && !c.dragging && c.position);
      return { doc: { ...doc, nodes }, commit: moved };
    }
    case "edges-change": {
      const removes = action.changes.some((c) => c.type === "remove");
      return {
        doc: { ...doc, edges: applyEdgeChanges(action.changes, doc.edges) },
        commit: removes,
      };
    }
    case "connect": {
      const { source, target, sourceHandle } = action.connection;
      const check = checkConnection(
        { nodes: journeyNodes(doc), edges: journeyEdges(doc) },
        { source, target, sourceHandle },
      );
      if (!check.ok) return null;
      const exit = sourceHandle ?? DEFAULT_EXIT;
      const edge: JourneyEdge =
        exit === DEFAULT_EXIT ? { from: source, to: target } : { from: source, to: target, exit };
      return { doc: { ...doc, edges: withEdges(doc, [...journeyEdges(doc), edge]) }, commit: true };
    }
    case "set-exit": {
      const kept = journeyEdges(doc).filter(
        (e) => !(e.from === action.from && (e.exit ?? DEFAULT_EXIT) === action.exit),
      );
      if (action.to === null) return { doc: { ...doc, edges: withEdges(doc, kept) }, commit: true };
      const check = checkConnection(
        { nodes: journeyNodes(doc), edges: kept },
        {
          source: action.from,
          sourceHandle: action.exit,
          target: action.to,
        },
      );
      if (!check.ok) return null;
      const edge: JourneyEdge =
        action.exit === DEFAULT_EXIT
          ? { from: action.from, to: action.to }
          : { from: action.from, to: action.to, exit: action.exit };
      return { doc: { ...doc, edges: withEdges(doc, [...kept, edge]) }, commit: true };
    }
    case "update-node": {
      const { node } = action;
      const nodes = doc.nodes.map((flow) =>
        flow.id === node.id ? { ...flow, type: node.type, data: { node } } : flow,
      );
      const edges = node.type === "split" ? pruneEdges(doc, node) : doc.edges;
      return { doc: { ...doc, nodes, edges }, commit: true, coalesce: action.coalesce };
    }
    case "insert": {
      if (!canAddNode(action.nodeType, journeyNodes(doc)).ok) return null;
      const result = insertNode(
        { nodes: journeyNodes(doc), edges: journeyEdges(doc) },
        action.nodeType,
        { afterId: action.afterId, position: action.position },
      );
      const moved = new Map(result.nodes.map((node) => [node.id, node.position]));
      const shifted = doc.nodes.map((flow) => {
        const position = moved.get(flow.id);
        const same =
          !position ||
          (position.x === Math.round(flow.position.x) &&
            position.y === Math.round(flow.position.y));
        return same ? flow : { ...flow, position };
      });
      const nodes = selectOnly(shifted, new Set());
      return {
        doc: {
          ...doc,
          nodes: [...nodes, flowNode(result.inserted, true)],
          edges: withEdges(doc, result.edges),
        },
        commit: true,
      };
    }
    case "delete-selection": {
      const ids = selectedNodeIds(doc);
      const edges = doc.edges.filter(
        (edge) => !edge.selected && !ids.has(edge.source) && !ids.has(edge.target),
      );
      if (ids.size === 0 && edges.length === doc.edges.length) return null;
      return {
        doc: { ...doc, nodes: doc.nodes.filter((n) => !ids.has(n.id)), edges },
        commit: true,
      };
    }
    case "paste": {
      const pasted = pasteNodes(action.clip, journeyNodes(doc));
      if (pasted.nodes.length === 0) return null;
      const nodes = [
        ...selectOnly(doc.nodes, new Set()),
        ...pasted.nodes.map((n) => flowNode(n, true)),
      ];
      return {
        doc: { ...doc, nodes, edges: withEdges(doc, [...journeyEdges(doc), ...pasted.edges]) },
        commit: true,
      };
    }
    case "select-node":
      return {
        doc: { ...doc, nodes: selectOnly(doc.nodes, new Set(action.id ? [action.id] : [])) },
        commit: false,
      };
    case "layout":
      return { doc: layoutDoc(doc), commit: true };
    case "settings":
      return {
        doc: { ...doc, settings: action.settings },
        commit: true,
        coalesce: action.coalesce,
      };
    case "undo":
    case "redo":
    case "reset":
      return null;
    default:
      return assertNever(action);
  }
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  if (action.type === "undo" || action.type === "redo") return historyReducer(state, action);
  if (action.type === "reset") return historyReducer(state, { type: "reset", state: action.doc });
  const result = applyDoc(state.present, action);
  if (!result) return state;
  return historyReducer(
    state,
    result.commit
      ? { type: "commit", state: result.doc, coalesce: result.coalesce }
      : { type: "transient", state: result.doc },
  );
}
