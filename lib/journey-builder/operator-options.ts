// Which operators the condition builder offers for a key, and how the text
// typed into the value box becomes the stored value. The operators and what
// each takes come from the one table (lib/journeys/operators.ts).

import {
  OPERATOR_NAMES,
  OPERATORS,
  type OperandType,
  type OperatorName,
} from "@/lib/journey-core/operators";

/** The JSON type seen for a key (event catalog, trait keys) → the operand types it can be. */
const OPERANDS_OF: Record<string, readonly OperandType[]> = {
  // ISO timestamps arrive as strings, so strings get the date operators too.
  string: ["string", "date"],
  number: ["number"],
  boolean: ["boolean"],
  array: ["array"],
  object: [],
};

/** Operators that fit a key of this JSON type; every operator when the type is unknown. */
export function operatorsFor(type: string | undefined): OperatorName[] {
  const operands = type ? OPERANDS_OF[type] : undefined;
  if (!operands) return [...OPERATOR_NAMES];
  return OPERATOR_NAMES.filter((name) =>
    OPERATORS[name].appliesTo.some((t) => t === "any" || operands.includes(t)),
  );
}

type Scalar = string | number | boolean | null;

function parseScalar(text: string, type: string | undefined): Scalar {
  const trimmed = text.trim();
  if (type === "boolean" && (trimmed === "true" || trimmed === "false")) return trimmed === "true";
  // Only a canonical number becomes a number, so "4." can still be typed and "007" stays an id.
  if (type !== "string" && trimmed !== "" && String(Number(trimmed)) === trimmed) {
    return Number(trimmed);
  }
  return text;
}

/** The stored `value` for what was typed: nothing, one value, or a comma-separated list. */
export function parseValueText(
  text: string,
  operator: OperatorName,
  type: string | undefined,
): Scalar | Scalar[] | undefined {
  const takes = OPERATORS[operator].takesValue;
  if (takes === "none") return undefined;
  if (takes === "list") {
    return text
      .split(",")
      .map((part) => part.trim())
      .filter((part) => part !== "")
      .map((part) => parseScalar(part, type));
  }
  return parseScalar(text, type);
}

export function formatValue(value: unknown): string {
  if (value === undefined || value === null) return "";
  if (Array.isArray(value)) return value.map((v) => String(v)).join(", ");
  return String(value);
}
