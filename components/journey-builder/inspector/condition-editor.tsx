"use client";

import { formatValue, operatorsFor, parseValueText } from "@/lib/journey-builder/operator-options";
import { assertNever } from "@/lib/journey-core/assert-never";
import type {
  Condition,
  ConditionGroup,
  ConditionItem,
  PropertyCondition,
  TraitCondition,
} from "@/lib/journey-core/definition";
import { OPERATORS, type OperatorName } from "@/lib/journey-core/operators";
import {
  CheckboxField,
  DurationField,
  INPUT,
  Labelled,
  NumberField,
  SelectField,
  SmallButton,
  SuggestField,
} from "./fields";
import { type KeyInfo, useVocabulary } from "./vocabulary";

type Operand = PropertyCondition | TraitCondition;

/** A trait or event-property comparison: key (suggested), operator fitting its type, value. */
export function OperandEditor({
  condition,
  keys,
  onChange,
  readOnly,
}: {
  condition: Operand;
  keys: readonly KeyInfo[];
  onChange: (condition: Operand) => void;
  readOnly?: boolean;
}) {
  const type = keys.find((k) => k.key === condition.path)?.type;
  const operators = operatorsFor(type);
  const current = condition.operator ?? "exists";
  // Keep the stored operator in the list even if it no longer fits the type.
  const offered = operators.includes(current) ? operators : [current, ...operators];
  const spec = OPERATORS[current];
  const subject = condition.kind === "trait" ? "Trait" : "Event property";
  const setOperator = (operator: OperatorName) => {
    const next = { ...condition, operator } as Operand;
    const parsed = parseValueText(formatValue(condition.value), operator, type);
    if (parsed === undefined || (Array.isArray(parsed) && parsed.length === 0)) {
      if (OPERATORS[operator].takesValue === "none") delete next.value;
      else next.value = parsed;
    } else next.value = parsed;
    onChange(next);
  };
  return (
    <div className="space-y-2">
      <SuggestField
        label={subject}
        value={typeof condition.path === "string" ? condition.path : ""}
        options={keys.map((k) => k.key)}
        onChange={(path) => onChange({ ...condition, path })}
        readOnly={readOnly}
        placeholder={condition.kind === "trait" ? "plan" : "step"}
      />
      <SelectField
        label="Operator"
        value={current}
        options={offered.map((op) => ({ value: op, label: OPERATORS[op].label }))}
        onChange={setOperator}
        readOnly={readOnly}
      />
      {spec.takesValue === "none" ? null : (
        <Labelled label={spec.takesValue === "list" ? "Values (comma-separated)" : "Value"}>
          {(id) => (
            <input
              id={id}
              className={INPUT}
              value={formatValue(condition.value)}
              readOnly={readOnly}
              onChange={(e) =>
                onChange({ ...condition, value: parseValueText(e.target.value, current, type) })
              }
            />
          )}
        </Labelled>
      )}
    </div>
  );
}

/** Event property conditions ANDed together (trigger, wait and goal `where`). */
export function WhereEditor({
  event,
  where,
  onChange,
  readOnly,
}: {
  event: string | undefined;
  where: PropertyCondition[] | undefined;
  onChange: (where: PropertyCondition[] | undefined) => void;
  readOnly?: boolean;
}) {
  const { propertiesOf } = useVocabulary();
  const list = Array.isArray(where) ? where : [];
  const keys = propertiesOf(event);
  const set = (next: PropertyCondition[]) => onChange(next.length ? next : undefined);
  return (
    <fieldset className="space-y-2">
      <legend className="text-xs font-medium text-slate-700">Only when its properties match</legend>
      {list.map((condition, index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no ids; order is identity
          key={index}
          className="space-y-2 rounded-md border border-slate-200 p-2"
        >
          <OperandEditor
            condition={condition}
            keys={keys}
            readOnly={readOnly}
            onChange={(c) =>
              set(list.map((old, i) => (i === index ? (c as PropertyCondition) : old)))
            }
          />
          {readOnly ? null : (
            <SmallButton onClick={() => set(list.filter((_, i) => i !== index))}>
              Remove property condition
            </SmallButton>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <SmallButton
          onClick={() =>
            set([
              ...list,
              { kind: "property", path: keys[0]?.key ?? "", operator: "eq", value: "" },
            ])
          }
        >
          + Property condition
        </SmallButton>
      )}
    </fieldset>
  );
}

const KIND_OPTIONS: { value: Condition["kind"]; label: string }[] = [
  { value: "trait", label: "Trait" },
  { value: "property", label: "Trigger event property" },
  { value: "has_done", label: "Has (not) done an event" },
  { value: "done_count", label: "Did an event N times" },
  { value: "first_seen_within", label: "First seen within" },
  { value: "in_segment", label: "Is (not) in a segment" },
];

function newCondition(kind: Condition["kind"], event: string): Condition {
  switch (kind) {
    case "trait":
      return { kind, path: "", operator: "exists" };
    case "property":
      return { kind, path: "", operator: "exists" };
    case "has_done":
      return { kind, event };
    case "done_count":
      return { kind, event, atLeast: 2, within: { amount: 7, unit: "days" } };
    case "first_seen_within":
      return { kind, within: { amount: 7, unit: "days" } };
    case "in_segment":
      return { kind, segmentId: "" };
    default:
      return assertNever(kind);
  }
}

function LeafEditor({
  condition,
  onChange,
  readOnly,
}: {
  condition: Condition;
  onChange: (condition: Condition) => void;
  readOnly?: boolean;
}) {
  const { events, traits, propertiesOf, triggerEvent, unseenEvent, segments } = useVocabulary();
  const kind = (
    <SelectField
      label="Condition on"
      value={condition.kind}
      options={KIND_OPTIONS}
      onChange={(k) => onChange(newCondition(k, events[0] ?? ""))}
      readOnly={readOnly}
    />
  );
  switch (condition.kind) {
    case "trait":
    case "property":
      return (
        <div className="space-y-2">
          {kind}
          <OperandEditor
            condition={condition}
            keys={condition.kind === "trait" ? traits : propertiesOf(triggerEvent)}
            onChange={onChange}
            readOnly={readOnly}
          />
        </div>
      );
    case "has_done":
      return (
        <div className="space-y-2">
          {kind}
          <CheckboxField
            label="Has NOT done it"
            checked={Boolean(condition.negate)}
            onChange={(negate) => onChange({ ...condition, negate: negate || undefined })}
            readOnly={readOnly}
          />
          <SuggestField
            label="Event"
            value={condition.event ?? ""}
            options={events}
            unknown={unseenEvent}
            onChange={(event) => onChange({ ...condition, event })}
            readOnly={readOnly}
          />
          <CheckboxField
            label="Only within a time window"
            checked={Boolean(condition.within)}
            onChange={(on) =>
              onChange({ ...condition, within: on ? { amount: 7, unit: "days" } : undefined })
            }
            readOnly={readOnly}
          />
          {condition.within ? (
            <DurationField
              label="Within the last"
              value={condition.within}
              onChange={(within) => onChange({ ...condition, within })}
              readOnly={readOnly}
            />
          ) : null}
          <WhereEditor
            event={condition.event}
            where={condition.where}
            onChange={(where) => onChange({ ...condition, where })}
            readOnly={readOnly}
          />
        </div>
      );
    case "done_count":
      return (
        <div className="space-y-2">
          {kind}
          <SuggestField
            label="Event"
            value={condition.event ?? ""}
            options={events}
            unknown={unseenEvent}
            onChange={(event) => onChange({ ...condition, event })}
            readOnly={readOnly}
          />
          <NumberField
            label="At least (times)"
            min={1}
            value={condition.atLeast}
            onChange={(atLeast) => onChange({ ...condition, atLeast })}
            readOnly={readOnly}
          />
          <DurationField
            label="Within the last"
            value={condition.within}
            onChange={(within) => onChange({ ...condition, within })}
            readOnly={readOnly}
          />
          <WhereEditor
            event={condition.event}
            where={condition.where}
            onChange={(where) => onChange({ ...condition, where })}
            readOnly={readOnly}
          />
        </div>
      );
    case "first_seen_within":
      return (
        <div className="space-y-2">
          {kind}
          <DurationField
            label="First seen within the last"
            value={condition.within}
            onChange={(within) => onChange({ ...condition, within })}
            readOnly={readOnly}
          />
          <CheckboxField
            label="Negate (first seen longer ago)"
            checked={Boolean(condition.negate)}
            onChange={(negate) => onChange({ ...condition, negate: negate || undefined })}
            readOnly={readOnly}
          />
        </div>
      );
    case "in_segment":
      return (
        <div className="space-y-2">
          {kind}
          <SegmentPicker
            value={condition.segmentId}
            segments={segments ?? []}
            onChange={(segmentId) => onChange({ ...condition, segmentId })}
            readOnly={readOnly}
          />
          <CheckboxField
            label="Is NOT in it"
            checked={Boolean(condition.negate)}
            onChange={(negate) => onChange({ ...condition, negate: negate || undefined })}
            readOnly={readOnly}
          />
        </div>
      );
    default:
      return assertNever(condition);
  }
}

const isGroup = (item: ConditionItem): item is ConditionGroup =>
  typeof item === "object" && item !== null && ("all" in item || "any" in item);

/** All / any of a list of conditions and nested groups. */
export function ConditionGroupEditor({
  group,
  onChange,
  readOnly,
  depth = 0,
}: {
  group: ConditionGroup;
  onChange: (group: ConditionGroup) => void;
  readOnly?: boolean;
  depth?: number;
}) {
  const mode: "all" | "any" = "any" in group ? "any" : "all";
  const raw = "any" in group ? group.any : group.all;
  const items = Array.isArray(raw) ? raw : [];
  const set = (next: ConditionItem[], nextMode = mode) =>
    onChange(nextMode === "all" ? { all: next } : { any: next });
  return (
    <fieldset
      className={`space-y-2 ${depth > 0 ? "rounded-md border border-dashed border-slate-300 p-2" : ""}`}
    >
      <legend className="sr-only">{depth > 0 ? "Condition group" : "Conditions"}</legend>
      <SelectField
        label={depth > 0 ? "This group matches when" : "Matches when"}
        value={mode}
        options={[
          { value: "all", label: "all of these hold" },
          { value: "any", label: "any of these holds" },
        ]}
        onChange={(m) => set(items, m)}
        readOnly={readOnly}
      />
      {items.map((item, index) => (
        <div
          // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no ids; order is identity
          key={index}
          className="space-y-2 rounded-md border border-slate-200 bg-slate-50/50 p-2"
        >
          {isGroup(item) ? (
            <ConditionGroupEditor
              group={item}
              depth={depth + 1}
              readOnly={readOnly}
              onChange={(g) => set(items.map((old, i) => (i === index ? g : old)))}
            />
          ) : (
            <LeafEditor
              condition={item}
              readOnly={readOnly}
              onChange={(c) => set(items.map((old, i) => (i === index ? c : old)))}
            />
          )}
          {readOnly ? null : (
            <SmallButton onClick={() => set(items.filter((_, i) => i !== index))}>
              Remove
            </SmallButton>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <div className="flex gap-2">
          <SmallButton
            onClick={() => set([...items, { kind: "trait", path: "", operator: "exists" }])}
          >
            + Condition
          </SmallButton>
          {depth < 2 ? (
            <SmallButton
              onClick={() =>
                set([...items, { all: [{ kind: "trait", path: "", operator: "exists" }] }])
              }
            >
              + Group
            </SmallButton>
          ) : null}
        </div>
      )}
    </fieldset>
  );
}

/** A saved segment, by name (the stored value is its id). */
export function SegmentPicker({
  label = "Segment",
  value,
  segments,
  onChange,
  readOnly,
  allowNone,
}: {
  label?: string;
  value: string | undefined;
  segments: readonly { id: string; name: string }[];
  onChange: (segmentId: string) => void;
  readOnly?: boolean;
  allowNone?: boolean;
}) {
  const known = segments.some((s) => s.id === value);
  const options = [
    ...(allowNone || !value ? [{ value: "", label: allowNone ? "None" : "Choose a segment" }] : []),
    ...(value && !known ? [{ value, label: `Unknown segment (${value})` }] : []),
    ...segments.map((s) => ({ value: s.id, label: s.name })),
  ];
  return (
    <SelectField
      label={label}
      value={value ?? ""}
      options={options}
      onChange={onChange}
      readOnly={readOnly}
    />
  );
}
