// Conversion lift of a journey over its holdout, with a 95% confidence
// interval for the difference of two independent proportions. Pure.
//
// Method: Newcombe's hybrid score interval ("method 10" in R. G. Newcombe,
// "Interval estimation for the difference between independent proportions:
// comparison of eleven methods", Statistics in Medicine 17 (1998) 873–890).
// It combines the Wilson score interval of each group's rate:
//   (l₁, u₁) = Wilson(x₁, n₁), (l₂, u₂) = Wilson(x₂, n₂), θ = p₁ − p₂
//   lower = θ − z·√(l₁(1 − l₁)/n₁ + u₂(1 − u₂)/n₂)
//   upper = θ + z·√(u₁(1 − u₁)/n₁ + l₂(1 − l₂)/n₂)
// Unlike the textbook Wald interval it stays inside [−1, 1], behaves at 0 %
// and 100 % conversion, and keeps close to its nominal coverage at the sample
// sizes a holdout usually has. Group 1 is the treatment, group 2 the holdout.
//
// "Too small": with fewer than MIN_GROUP profiles in a group, or fewer than
// MIN_OUTCOMES conversions or non-conversions in a group, any interval would
// mostly show noise, so none is given and the result says why.

export const Z_95 = 1.959963984540054;
export const MIN_GROUP = 30;
export const MIN_OUTCOMES = 5;
export const LIFT_METHOD = "Newcombe hybrid score interval (method 10, 1998), 95%";

export interface GroupCounts {
  /** Profiles that entered (runs started) in the group. */
  entered: number;
  /** Of those, how many reached the goal. */
  converted: number;
}

export interface GroupRate extends GroupCounts {
  /** converted / entered, or null when nobody entered. */
  rate: number | null;
}

export type LiftVerdict =
  | "no_data" // nobody entered
  | "no_holdout" // the holdout is empty
  | "too_small" // below the sample rule: no interval
  | "positive" // the whole interval is above 0
  | "negative" // the whole interval is below 0
  | "inconclusive"; // the interval contains 0

export interface LiftResult {
  treatment: GroupRate;
  holdout: GroupRate;
  /** Treatment rate − holdout rate (percentage points as a fraction), when both exist. */
  absoluteLift: number | null;
  /** absoluteLift / holdout rate, when the holdout rate is above 0. */
  relativeLift: number | null;
  /** The 95% interval for absoluteLift; null when the sample is too small. */
  interval: { lower: number; upper: number } | null;
  verdict: LiftVerdict;
  /** One sentence a marketer can read. */
  summary: string;
  method: string;
}

/** Wilson score interval for x successes out of n (n > 0). */
export function wilsonInterval(x: number, n: number, z = Z_95): { lower: number; upper: number } {
  if (n <= 0) throw new RangeError("wilsonInterval needs n > 0");
  const p = x / n;
  const z2 = z * z;
  const centre = 2 * x + z2;
  const spread = z * Math.sqrt(z2 + 4 * x * (1 - p));
  const denominator = 2 * (n + z2);
  // Clamped: rounding can put an exact 0 or 1 a hair outside [0, 1].
  return {
    lower: Math.max(0, (centre - spread) / denominator),
    upper: Math.min(1, (centre + spread) / denominator),
  };
}

/** Newcombe's hybrid score interval for p₁ − p₂ (both n > 0). */
export function newcombeInterval(
  x1: number,
  n1: number,
  x2: number,
  n2: number,
  z = Z_95,
): { lower: number; upper: number } {
  const p1 = x1 / n1;
  const p2 = x2 / n2;
  const a = wilsonInterval(x1, n1, z);
  const b = wilsonInterval(x2, n2, z);
  const theta = p1 - p2;
  const delta = z * Math.sqrt((a.lower * (1 - a.lower)) / n1 + (b.upper * (1 - b.upper)) / n2);
  const epsilon = z * Math.sqrt((a.upper * (1 - a.upper)) / n1 + (b.lower * (1 - b.lower)) / n2);
  return { lower: theta - delta, upper: theta + epsilon };
}

function rateOf(group: GroupCounts): GroupRate {
  return { ...group, rate: group.entered > 0 ? group.converted / group.entered : null };
}

/** Why a group is below the sample rule, or null when it is large enough. */
export function tooSmallReason(name: string, group: GroupCounts): string | null {
  if (group.entered < MIN_GROUP) {
    return `the ${name} has ${group.entered} profiles (at least ${MIN_GROUP} are needed)`;
  }
  const failures = group.entered - group.converted;
  if (group.converted < MIN_OUTCOMES) {
    return `the ${name} has ${group.converted} conversions (at least ${MIN_OUTCOMES} are needed)`;
  }
  if (failures < MIN_OUTCOMES) {
    return `the ${name} has ${failures} non-conversions (at least ${MIN_OUTCOMES} are needed)`;
  }
  return null;
}

function checkCounts(name: string, group: GroupCounts): void {
  const { entered, converted } = group;
  if (!Number.isInteger(entered) || !Number.isInteger(converted)) {
    throw new RangeError(`${name}: counts must be integers`);
  }
  if (entered < 0 || converted < 0 || converted > entered) {
    throw new RangeError(`${name}: need 0 ≤ converted ≤ entered`);
  }
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
const points = (value: number) => `${value >= 0 ? "+" : ""}${(value * 100).toFixed(1)} pts`;

export function computeLift(treatmentCounts: GroupCounts, holdoutCounts: GroupCounts): LiftResult {
  checkCounts("treatment", treatmentCounts);
  checkCounts("holdout", holdoutCounts);
  const treatment = rateOf(treatmentCounts);
  const holdout = rateOf(holdoutCounts);
  const base = { treatment, holdout, method: LIFT_METHOD };
  if (treatment.rate === null && holdout.rate === null) {
    return {
      ...base,
      absoluteLift: null,
      relativeLift: null,
      interval: null,
      verdict: "no_data",
      summary: "Nobody has entered this journey in the period yet.",
    };
  }
  if (holdout.rate === null || treatment.rate === null) {
    const empty = holdout.rate === null ? "holdout" : "treatment group";
    return {
      ...base,
      absoluteLift: null,
      relativeLift: null,
      interval: null,
      verdict: "no_holdout",
      summary:
        holdout.rate === null
          ? "No profile is in the holdout, so lift cannot be measured. Set a holdout percentage on the journey."
          : `The ${empty} is empty, so lift cannot be measured.`,
    };
  }
  const absoluteLift = treatment.rate - holdout.rate;
  const relativeLift = holdout.rate > 0 ? absoluteLift / holdout.rate : null;
  const small = tooSmallReason("treatment group", treatment) ?? tooSmallReason("holdout", holdout);
  if (small) {
    return {
      ...base,
      absoluteLift,
      relativeLift,
      interval: null,
      verdict: "too_small",
      summary: `Too few profiles to tell yet: ${small}.`,
    };
  }
  const interval = newcombeInterval(
    treatment.converted,
    treatment.entered,
    holdout.converted,
    holdout.entered,
  );
  const range = `95% CI ${points(interval.lower)} to ${points(interval.upper)}`;
  const rates = `${percent(treatment.rate)} vs ${percent(holdout.rate)} in the holdout`;
  if (interval.lower > 0) {
    return {
      ...base,
      absoluteLift,
      relativeLift,
      interval,
      verdict: "positive",
      summary: `The journey lifts conversion by ${points(absoluteLift)} (${rates}; ${range}).`,
    };
  }
  if (interval.upper < 0) {
    return {
      ...base,
      absoluteLift,
      relativeLift,
      interval,
      verdict: "negative",
      summary: `The journey lowers conversion by ${points(absoluteLift)} (${rates}; ${range}).`,
    };
  }
  return {
    ...base,
    absoluteLift,
    relativeLift,
    interval,
    verdict: "inconclusive",
    summary: `No clear difference yet: ${points(absoluteLift)} (${rates}; ${range} includes 0).`,
  };
}
