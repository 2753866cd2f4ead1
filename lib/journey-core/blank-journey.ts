// What "New journey" starts from: an event trigger wired to an exit. The
// event name is left empty on purpose: the draft's one issue asks the author
// to choose it, so a blank journey can never be published by accident.

import type { JourneyDefinitionInput } from "./definition";

export function blankJourneyDefinition(): JourneyDefinitionInput {
  return {
    version: 1,
    nodes: [
      {
        id: "trigger",
        type: "trigger",
        label: "When this happens",
        position: { x: 0, y: 0 },
        trigger: { kind: "event", event: "" },
      },
      { id: "end", type: "exit", position: { x: 0, y: 160 } },
    ],
    edges: [{ from: "trigger", to: "end" }],
    settings: { reentry: { mode: "once" }, holdoutPercent: 0 },
  };
}
