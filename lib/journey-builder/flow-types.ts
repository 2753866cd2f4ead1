// The React Flow view of a journey. The stored definition stays the source
// of truth for what a journey does; these types only say how it is drawn:
// one flow node per journey node (the journey node rides along as `data`),
// one flow edge per journey edge with the exit as its `sourceHandle`.

import type { Edge, Node } from "@xyflow/react";
import type {
  JourneyEdge,
  JourneyNode,
  JourneySettings,
  NodeType,
} from "@/lib/journey-core/definition";

/** A journey node as the canvas keeps it: its position lives on the flow node. */
export type BuilderNode = Omit<JourneyNode, "position">;

export type JourneyNodeData = { node: JourneyNode };
export type JourneyFlowNode = Node<JourneyNodeData, NodeType>;
export type JourneyFlowEdge = Edge;

/** A definition the builder can hold: same shape as the stored one, possibly not yet valid. */
export interface DraftDefinition {
  version: 1;
  nodes: JourneyNode[];
  edges: JourneyEdge[];
  settings: JourneySettings;
}

/** What the editor edits and undoes: the flow view plus the journey settings. */
export interface FlowDoc {
  nodes: JourneyFlowNode[];
  edges: JourneyFlowEdge[];
  settings: JourneySettings;
}
