import type { JourneyDefinitionInput } from "@/lib/journey-core/definition";

// A journey that exercises most of the core: a filter on a trait or a
// counted event from before the window, a wait with a timeout, a branch on a
// count, in-app and email sends (email held by quiet hours and the budget),
// a goal with a window, a holdout, and re-entry after a cooldown.

export const HOLDOUT_PERCENT = 20;

export function onboardingJourney(): JourneyDefinitionInput {
  const email = (id: string, subject: string) => ({
    id,
    type: "send_email" as const,
    content: {
      subject,
      preheader: "",
      body: "Hi {{ profile.traits.name }}",
      bodyFormat: "markdown" as const,
    },
  });
  const inApp = (id: string, title: string) => ({
    id,
    type: "send_inapp" as const,
    content: { kind: "card" as const, title, body: "Body" },
  });
  return {
    version: 1,
    nodes: [
      { id: "trigger", type: "trigger", trigger: { kind: "event", event: "Signed Up" } },
      {
        id: "qualified",
        type: "filter",
        label: "Admins or pricing visitors",
        condition: {
          any: [
            { kind: "trait", path: "role", operator: "eq", value: "admin" },
            { kind: "has_done", event: "Visited Pricing", within: { amount: 10, unit: "days" } },
          ],
        },
      },
      inApp("welcome", "Welcome"),
      {
        id: "report",
        type: "wait",
        event: "Report Created",
        timeout: { amount: 2, unit: "days" },
      },
      inApp("congrats", "Nice report"),
      email("nudge", "Create your first report"),
      {
        id: "pause",
        type: "delay",
        delay: { kind: "duration", duration: { amount: 1, unit: "days" } },
      },
      {
        id: "engaged",
        type: "branch",
        condition: {
          all: [{ kind: "has_done", event: "Report Created", within: { amount: 3, unit: "days" } }],
        },
      },
      email("last_call", "Last call"),
      { id: "done", type: "exit" },
      { id: "done2", type: "exit" },
    ],
    edges: [
      { from: "trigger", to: "qualified" },
      { from: "qualified", to: "welcome" },
      { from: "welcome", to: "report" },
      { from: "report", to: "congrats", exit: "did" },
      { from: "report", to: "nudge", exit: "timeout" },
      { from: "congrats", to: "done" },
      { from: "nudge", to: "pause" },
      { from: "pause", to: "engaged" },
      { from: "engaged", to: "done2", exit: "yes" },
      { from: "engaged", to: "last_call", exit: "no" },
      { from: "last_call", to: "done2" },
    ],
    settings: {
      goal: { event: "Plan Upgraded", within: { amount: 5, unit: "days" } },
      reentry: { mode: "cooldown", cooldown: { amount: 3, unit: "days" } },
      holdoutPercent: HOLDOUT_PERCENT,
    },
  };
}
