// A schema problem ("nodes[2].timeout.amount: Too small") said the way the
// builder's user thinks of it: which step, which setting, and what to do.
// The technical message stays on the issue for API clients; this is the
// sentence the builder shows.

import { capitalize, stepRef } from "./describe-step";

type PathKey = PropertyKey;

export interface SchemaProblem {
  path: readonly PathKey[];
  code: string;
  /** zod's (or a custom check's) own message. */
  message: string;
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}

/** Messages written for people already (custom checks, "Write a subject."); zod's defaults are not. */
function isWrittenForPeople(problem: SchemaProblem): boolean {
  if (problem.code === "bad_operand" || problem.code === "split_weights") return true;
  return !/^(Too (small|big)|Invalid|Unrecognized|Expected|Required)/i.test(problem.message);
}

function withReason(sentence: string, problem: SchemaProblem): string {
  return isWrittenForPeople(problem)
    ? `${sentence} (${problem.message.replace(/\.$/, "")})`
    : sentence;
}

/** The words for a condition's part: which of its settings is missing or wrong. */
function conditionPart(rest: readonly PathKey[], step: string): string {
  const last = [...rest].reverse().find((key) => typeof key === "string");
  switch (last) {
    case "path":
      return `Choose the property or trait ${step} checks`;
    case "event":
      return `Choose the event ${step} checks`;
    case "value":
      return `Fill in the value ${step} compares with`;
    case "operator":
      return `Choose how ${step} compares`;
    case "within":
    case "amount":
    case "unit":
      return `Set the time window ${step} looks at`;
    case "atLeast":
      return `Set how many times ${step} counts`;
    default:
      return `Finish the condition of ${step}`;
  }
}

function nodeSentence(
  type: unknown,
  rest: readonly PathKey[],
  step: string,
  problem: SchemaProblem,
): string {
  const [first, second] = rest;
  if (problem.code === "unknown_variant" || first === "type") {
    return `${capitalize(step)} is a kind of step this version of Cue does not know: delete it`;
  }
  if (first === "label") return `Shorten the name of ${step} to 120 characters or fewer`;
  if (first === "where")
    return withReason(`Finish the event property condition of ${step}`, problem);
  switch (type) {
    case "trigger":
      if (second === "event" && rest.length === 2)
        return "Choose the event that starts this journey";
      if (second === "inactiveFor")
        return "Set how long people must be quiet to enter this journey";
      if (second === "conditions")
        return withReason("Finish the trait condition that starts this journey", problem);
      if (second === "where")
        return withReason("Finish the event property condition of the trigger", problem);
      return "Choose what starts this journey";
    case "wait":
      if (first === "event") return `Choose the event ${step} waits for`;
      if (first === "timeout") return `Set how long ${step} waits before it times out`;
      break;
    case "delay":
      if (second === "time") return `Set the time of day ${step} waits until`;
      if (second === "weekdays") return `Choose at least one weekday for ${step}`;
      return `Set how long ${step} waits`;
    case "filter":
    case "branch":
      return withReason(conditionPart(rest, step), problem);
    case "split":
      if (problem.code === "split_weights") {
        return `Make the variant weights of ${step} add up to 100% (${problem.message.replace(/^.*got /, "now ")}%)`;
      }
      if (problem.code === "duplicate_variant") return `Give each variant of ${step} its own key`;
      if (second === undefined && problem.code === "too_small") {
        return `Give ${step} at least two variants`;
      }
      return `Check the variants of ${step}`;
    case "send_email":
    case "send_inapp": {
      if (second === "subject") return `Write a subject for ${step}`;
      if (second === "body") return `Write the body of ${step}`;
      if (second === "title") return `Write a title for ${step}`;
      const what =
        typeof second === "string" ? second.replace(/([A-Z])/g, " $1").toLowerCase() : "content";
      return withReason(`Check the ${what} of ${step}`, problem);
    }
    case "send_webhook": {
      if (first === "url") return `Enter a full URL (https://…) for ${step}`;
      if (first === "method") return `Choose GET, POST, PUT, PATCH or DELETE for ${step}`;
      if (first === "timeoutSeconds") return `Set a timeout of 1 to 30 seconds for ${step}`;
      if (first === "body") return `Shorten the body of ${step}`;
      if (first === "headers") {
        const last = rest.at(-1);
        if (last === "name") return withReason(`Check the header names of ${step}`, problem);
        if (problem.code === "missing_secret") return `Enter the secret header value of ${step}`;
        return withReason(`Check the headers of ${step}`, problem);
      }
      break;
    }
    case "update_profile": {
      if (first === "operations") {
        const last = rest.at(-1);
        if (rest.length === 1) return `Add at least one trait change to ${step}`;
        if (last === "by") return `Increase by a number in ${step}`;
        if (last === "trait") return `Choose the trait ${step} changes`;
        if (last === "value") return `Fill in the value ${step} sets`;
        return withReason(`Check the trait changes of ${step}`, problem);
      }
      break;
    }
  }
  return withReason(`Check the settings of ${step}`, problem);
}

function settingsSentence(rest: readonly PathKey[], problem: SchemaProblem): string {
  const [first, second] = rest;
  const where = "in Journey settings";
  if (first === "goal") {
    if (second === "event") {
      return `Choose the goal event ${where}, or untick “This journey has a goal”`;
    }
    if (second === "within") return `Set the goal window ${where}`;
    if (second === "where")
      return withReason(`Finish the goal's event property condition ${where}`, problem);
    return `Check the goal ${where}`;
  }
  if (first === "holdoutPercent") return `Set a holdout between 0% and 50% ${where}`;
  if (first === "messageLimit") return `Set a message limit between 1 and 1,000 ${where}`;
  if (first === "reentry") return `Choose whether people can enter again ${where}`;
  return `Check the journey's settings`;
}

/** The sentence for one schema problem of the document `input`. */
export function describeSchemaProblem(problem: SchemaProblem, input: unknown): string {
  const doc = asRecord(input);
  const nodes = Array.isArray(doc?.nodes) ? doc.nodes : [];
  const [head, index, ...rest] = problem.path;
  if (head === "nodes" && typeof index === "number") {
    const node = nodes[index];
    const step = stepRef(node, nodes);
    return nodeSentence(asRecord(node)?.type, rest, step, problem);
  }
  if (head === "settings") return settingsSentence(problem.path.slice(1), problem);
  if (head === "nodes") return "Add a trigger: it decides who enters this journey";
  if (head === "edges")
    return "A connection between steps is broken: remove it and connect the steps again";
  return "This journey could not be read: open it again or ask a developer to check it";
}
