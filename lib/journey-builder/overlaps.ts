// Do any two nodes' boxes on the canvas overlap? A journey saved by hand (or
// by an older seed) can stack nodes on each other; the editor lays such a
// journey out when it opens (components/journey-builder/use-layout-on-open.ts).

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Two boxes overlap when they share area; touching edges do not count. */
export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

/** True when any two of the boxes overlap. Boxes without area overlap nothing. */
export function anyOverlap(boxes: readonly Box[]): boolean {
  const solid = boxes.filter((box) => box.width > 0 && box.height > 0);
  for (let i = 0; i < solid.length; i++) {
    for (let j = i + 1; j < solid.length; j++) {
      if (boxesOverlap(solid[i], solid[j])) return true;
    }
  }
  return false;
}

interface PlacedNode {
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
}

/** Each node's box on the canvas, or null while any node is not measured yet. */
export function measuredBoxes(nodes: readonly PlacedNode[]): Box[] | null {
  const boxes: Box[] = [];
  for (const { position, measured } of nodes) {
    if (!measured?.width || !measured.height) return null;
    boxes.push({ ...position, width: measured.width, height: measured.height });
  }
  return boxes;
}
