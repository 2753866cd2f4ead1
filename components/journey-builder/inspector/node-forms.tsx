"use client";

import { useId } from "react";
import { assertNever } from "@/lib/journey-core/assert-never";
import type { NodeOfType, TraitCondition, Trigger } from "@/lib/journey-core/definition";
import { WEEKDAYS } from "@/lib/journey-core/local-time";
import {
  ConditionGroupEditor,
  OperandEditor,
  SegmentPicker,
  WhereEditor,
} from "./condition-editor";
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
import { useVocabulary } from "./vocabulary";

/** Forms call this with the whole new node and the field that changed (for undo grouping). */
export type Update<N> = (node: N, field: string) => void;

interface FormProps<N> {
  node: N;
  update: Update<N>;
  readOnly: boolean;
}

const TRIGGER_KINDS: { value: Trigger["kind"]; label: string }[] = [
  { value: "event", label: "They do an event" },
  { value: "inactivity", label: "They go quiet (inactivity)" },
  { value: "trait_change", label: "A trait changes" },
  { value: "segment", label: "They enter or leave a segment" },
];

function newTrigger(kind: Trigger["kind"]): Trigger {
  switch (kind) {
    case "event":
      return { kind, event: "" };
    case "inactivity":
      return { kind, inactiveFor: { amount: 7, unit: "days" } };
    case "trait_change":
      return { kind, conditions: [{ kind: "trait", path: "", operator: "eq", value: "" }] };
    case "segment":
      return { kind, segmentId: "", on: "entry" };
    default:
      return assertNever(kind);
  }
}

export function TriggerForm({ node, update, readOnly }: FormProps<NodeOfType<"trigger">>) {
  const { events, traits, unseenEvent, segments } = useVocabulary();
  const trigger = node.trigger ?? newTrigger("event");
  const set = (next: Trigger, field: string) => update({ ...node, trigger: next }, field);
  return (
    <div className="space-y-3">
      <SelectField
        label="Enter when"
        value={trigger.kind}
        options={TRIGGER_KINDS}
        onChange={(kind) => set(newTrigger(kind), "kind")}
        readOnly={readOnly}
      />
      {trigger.kind === "event" ? (
        <>
          <SuggestField
            label="Event name"
            value={typeof trigger.event === "string" ? trigger.event : ""}
            options={events}
            unknown={unseenEvent}
            onChange={(event) => set({ ...trigger, event }, "event")}
            readOnly={readOnly}
            hint="Choose from the events this workspace has received."
          />
          <WhereEditor
            event={trigger.event}
            where={trigger.where}
            onChange={(where) => set({ ...trigger, where }, "where")}
            readOnly={readOnly}
          />
          <CheckboxField
            label="Only the first time they do it"
            checked={Boolean(trigger.firstTimeOnly)}
            onChange={(on) => set({ ...trigger, firstTimeOnly: on || undefined }, "firstTimeOnly")}
            readOnly={readOnly}
          />
        </>
      ) : null}
      {trigger.kind === "segment" ? (
        <>
          <SegmentPicker
            value={trigger.segmentId}
            segments={segments ?? []}
            onChange={(segmentId) => set({ ...trigger, segmentId }, "segmentId")}
            readOnly={readOnly}
          />
          <SelectField
            label="Fire when they"
            value={trigger.on}
            options={[
              { value: "entry", label: "Enter the segment" },
              { value: "exit", label: "Leave the segment" },
            ]}
            onChange={(on) => set({ ...trigger, on }, "on")}
            readOnly={readOnly}
          />
        </>
      ) : null}
      {trigger.kind === "inactivity" ? (
        <>
          <DurationField
            label="Inactive for"
            value={trigger.inactiveFor}
            onChange={(inactiveFor) => set({ ...trigger, inactiveFor }, "inactiveFor")}
            readOnly={readOnly}
          />
          <SuggestField
            label="Counting only this event (optional)"
            value={trigger.event ?? ""}
            options={events}
            unknown={unseenEvent}
            onChange={(event) => set({ ...trigger, event: event || undefined }, "event")}
            readOnly={readOnly}
            hint="Leave empty: any tracked event counts as activity."
          />
        </>
      ) : null}
      {trigger.kind === "trait_change" ? (
        <fieldset className="space-y-2">
          <legend className="text-xs font-medium text-slate-700">
            Enter when all of these start to hold
          </legend>
          {(Array.isArray(trigger.conditions) ? trigger.conditions : []).map((condition, index) => (
            <div
              // biome-ignore lint/suspicious/noArrayIndexKey: conditions have no ids; order is identity
              key={index}
              className="space-y-2 rounded-md border border-slate-200 p-2"
            >
              <OperandEditor
                condition={condition}
                keys={traits}
                readOnly={readOnly}
                onChange={(c) =>
                  set(
                    {
                      ...trigger,
                      conditions: trigger.conditions.map((old, i) =>
                        i === index ? (c as TraitCondition) : old,
                      ),
                    },
                    `conditions.${index}`,
                  )
                }
              />
              {readOnly ? null : (
                <SmallButton
                  onClick={() =>
                    set(
                      { ...trigger, conditions: trigger.conditions.filter((_, i) => i !== index) },
                      "conditions",
                    )
                  }
                >
                  Remove
                </SmallButton>
              )}
            </div>
          ))}
          {readOnly ? null : (
            <SmallButton
              onClick={() =>
                set(
                  {
                    ...trigger,
                    conditions: [
                      ...trigger.conditions,
                      { kind: "trait", path: "", operator: "eq", value: "" },
                    ],
                  },
                  "conditions",
                )
              }
            >
              + Trait condition
            </SmallButton>
          )}
        </fieldset>
      ) : null}
    </div>
  );
}

export function ConditionForm({
  node,
  update,
  readOnly,
}: FormProps<NodeOfType<"filter" | "branch">>) {
  return (
    <div className="space-y-2">
      <p className="text-xs text-slate-600">
        {node.type === "branch"
          ? "Runs that match go down Yes, the others down No."
          : "Runs that do not match stop here."}
      </p>
      <ConditionGroupEditor
        group={node.condition ?? { all: [] }}
        onChange={(condition) => update({ ...node, condition }, "condition")}
        readOnly={readOnly}
      />
    </div>
  );
}

export function DelayForm({ node, update, readOnly }: FormProps<NodeOfType<"delay">>) {
  const delay = node.delay ?? { kind: "duration", duration: { amount: 1, unit: "days" } };
  const timeId = useId();
  return (
    <div className="space-y-3">
      <SelectField
        label="Wait"
        value={delay.kind}
        options={[
          { value: "duration", label: "for a length of time" },
          { value: "until_time", label: "until a time of day (their time zone)" },
        ]}
        onChange={(kind) =>
          update(
            {
              ...node,
              delay:
                kind === "duration"
                  ? { kind, duration: { amount: 1, unit: "days" } }
                  : { kind, time: "09:00" },
            },
            "kind",
          )
        }
        readOnly={readOnly}
      />
      {delay.kind === "duration" ? (
        <DurationField
          label="Duration"
          value={delay.duration}
          onChange={(duration) => update({ ...node, delay: { ...delay, duration } }, "duration")}
          readOnly={readOnly}
        />
      ) : (
        <>
          <div className="space-y-1">
            <label htmlFor={timeId} className="block text-xs font-medium text-slate-700">
              Local time
            </label>
            <input
              id={timeId}
              type="time"
              className={INPUT}
              value={delay.time ?? ""}
              readOnly={readOnly}
              onChange={(e) =>
                update({ ...node, delay: { ...delay, time: e.target.value } }, "time")
              }
            />
          </div>
          <fieldset>
            <legend className="text-xs font-medium text-slate-700">
              On these days (none ticked: any day)
            </legend>
            <div className="mt-1 flex flex-wrap gap-2">
              {WEEKDAYS.map((day) => {
                const days = delay.weekdays ?? [];
                return (
                  <CheckboxField
                    key={day}
                    label={day}
                    checked={days.includes(day)}
                    readOnly={readOnly}
                    onChange={(on) => {
                      const next = on ? [...days, day] : days.filter((d) => d !== day);
                      const weekdays = WEEKDAYS.filter((d) => next.includes(d));
                      update(
                        {
                          ...node,
                          delay: { ...delay, weekdays: weekdays.length ? weekdays : undefined },
                        },
                        "weekdays",
                      );
                    }}
                  />
                );
              })}
            </div>
          </fieldset>
        </>
      )}
    </div>
  );
}

export function WaitForm({ node, update, readOnly }: FormProps<NodeOfType<"wait">>) {
  const { events, unseenEvent } = useVocabulary();
  return (
    <div className="space-y-3">
      <SuggestField
        label="Wait for event"
        value={typeof node.event === "string" ? node.event : ""}
        options={events}
        unknown={unseenEvent}
        onChange={(event) => update({ ...node, event }, "event")}
        readOnly={readOnly}
      />
      <WhereEditor
        event={node.event}
        where={node.where}
        onChange={(where) => update({ ...node, where }, "where")}
        readOnly={readOnly}
      />
      <DurationField
        label="Give up after"
        value={node.timeout}
        onChange={(timeout) => update({ ...node, timeout }, "timeout")}
        readOnly={readOnly}
        hint="Did it: the event came in time. Timed out: it did not."
      />
    </div>
  );
}

function nextVariantKey(keys: readonly string[]): string {
  for (let i = 0; ; i++) {
    const key = i < 26 ? String.fromCharCode(97 + i) : `v${i}`;
    if (!keys.includes(key)) return key;
  }
}

export function SplitForm({ node, update, readOnly }: FormProps<NodeOfType<"split">>) {
  const variants = Array.isArray(node.variants) ? node.variants : [];
  const total = variants.reduce((sum, v) => sum + (Number.isFinite(v.weight) ? v.weight : 0), 0);
  const set = (next: typeof variants, field: string) => update({ ...node, variants: next }, field);
  return (
    <div className="space-y-3">
      {variants.map((variant, index) => (
        <fieldset key={variant.key} className="space-y-2 rounded-md border border-slate-200 p-2">
          <legend className="px-1 text-xs font-medium text-slate-700">Variant {variant.key}</legend>
          <Labelled label="Name (optional)">
            {(id) => (
              <input
                id={id}
                className={INPUT}
                value={variant.label ?? ""}
                readOnly={readOnly}
                onChange={(e) =>
                  set(
                    variants.map((v, i) =>
                      i === index ? { ...v, label: e.target.value || undefined } : v,
                    ),
                    `variants.${variant.key}.label`,
                  )
                }
              />
            )}
          </Labelled>
          <NumberField
            label="Weight (%)"
            min={0}
            max={100}
            value={variant.weight}
            readOnly={readOnly}
            onChange={(weight) =>
              set(
                variants.map((v, i) => (i === index ? { ...v, weight } : v)),
                `variants.${variant.key}.weight`,
              )
            }
          />
          {readOnly || variants.length <= 2 ? null : (
            <SmallButton
              onClick={() =>
                set(
                  variants.filter((_, i) => i !== index),
                  "variants",
                )
              }
              label={`Remove variant ${variant.key}`}
            >
              Remove
            </SmallButton>
          )}
        </fieldset>
      ))}
      <p
        role="status"
        className={`text-sm font-medium ${total === 100 ? "text-emerald-700" : "text-red-700"}`}
      >
        Total {total}%{total === 100 ? "" : ": the weights must add up to 100%"}
      </p>
      {readOnly || variants.length >= 10 ? null : (
        <SmallButton
          onClick={() =>
            set(
              [...variants, { key: nextVariantKey(variants.map((v) => v.key)), weight: 0 }],
              "variants",
            )
          }
        >
          + Variant
        </SmallButton>
      )}
    </div>
  );
}
