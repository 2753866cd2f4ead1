"use client";

import type { JourneySettings, ReentryPolicy } from "@/lib/journey-core/definition";
import { SegmentPicker, WhereEditor } from "./inspector/condition-editor";
import {
  CheckboxField,
  DurationField,
  NumberField,
  SelectField,
  SuggestField,
} from "./inspector/fields";
import { useVocabulary } from "./inspector/vocabulary";

/** Goal, re-entry, holdout and message limit: the journey settings side sheet. */
export function SettingsForm({
  settings,
  onChange,
  readOnly,
}: {
  settings: JourneySettings;
  onChange: (settings: JourneySettings, field: string) => void;
  readOnly: boolean;
}) {
  const { events, unseenEvent, segments } = useVocabulary();
  const goal = settings.goal;
  const reentry = settings.reentry ?? { mode: "once" };
  return (
    <div className="space-y-6">
      <section aria-labelledby="settings-goal" className="space-y-3">
        <h3 id="settings-goal" className="text-sm font-semibold">
          Goal
        </h3>
        <p className="text-xs text-slate-600">
          When someone does the goal event, they convert: the journey stops messaging them and
          counts the conversion.
        </p>
        <CheckboxField
          label="This journey has a goal"
          checked={Boolean(goal)}
          readOnly={readOnly}
          onChange={(on) =>
            // Nothing pre-filled: an arbitrary event as the goal would be published unnoticed.
            onChange({ ...settings, goal: on ? { event: "" } : undefined }, "goal")
          }
        />
        {goal ? (
          <>
            <SuggestField
              label="Goal event"
              value={goal.event ?? ""}
              options={events}
              unknown={unseenEvent}
              readOnly={readOnly}
              onChange={(event) =>
                onChange({ ...settings, goal: { ...goal, event } }, "goal.event")
              }
            />
            <WhereEditor
              event={goal.event}
              where={goal.where}
              readOnly={readOnly}
              onChange={(where) =>
                onChange({ ...settings, goal: { ...goal, where } }, "goal.where")
              }
            />
            <CheckboxField
              label="Only counts within a time after entry"
              checked={Boolean(goal.within)}
              readOnly={readOnly}
              onChange={(on) =>
                onChange(
                  {
                    ...settings,
                    goal: { ...goal, within: on ? { amount: 7, unit: "days" } : undefined },
                  },
                  "goal.within",
                )
              }
            />
            {goal.within ? (
              <DurationField
                label="Goal window"
                value={goal.within}
                readOnly={readOnly}
                onChange={(within) =>
                  onChange({ ...settings, goal: { ...goal, within } }, "goal.within")
                }
              />
            ) : null}
          </>
        ) : null}
      </section>

      <section aria-labelledby="settings-entry" className="space-y-3">
        <h3 id="settings-entry" className="text-sm font-semibold">
          Entry
        </h3>
        <SelectField<ReentryPolicy["mode"]>
          label="Can someone enter again?"
          value={reentry.mode}
          readOnly={readOnly}
          options={[
            { value: "once", label: "Once: never again" },
            { value: "always", label: "Always: each time the trigger fires (one run at a time)" },
            { value: "cooldown", label: "After a cooldown since their last entry" },
          ]}
          onChange={(mode) =>
            onChange(
              {
                ...settings,
                reentry:
                  mode === "cooldown" ? { mode, cooldown: { amount: 30, unit: "days" } } : { mode },
              },
              "reentry",
            )
          }
        />
        {reentry.mode === "cooldown" ? (
          <DurationField
            label="Cooldown"
            value={reentry.cooldown}
            readOnly={readOnly}
            onChange={(cooldown) =>
              onChange({ ...settings, reentry: { mode: "cooldown", cooldown } }, "reentry.cooldown")
            }
          />
        ) : null}
        <NumberField
          label="Holdout (%)"
          min={0}
          max={50}
          value={settings.holdoutPercent}
          readOnly={readOnly}
          hint="A random share of entrants gets no messages, to measure the journey's lift (0–50)."
          onChange={(holdoutPercent) => onChange({ ...settings, holdoutPercent }, "holdoutPercent")}
        />
      </section>

      <section aria-labelledby="settings-limit" className="space-y-3">
        <h3 id="settings-limit" className="text-sm font-semibold">
          Message limit
        </h3>
        <CheckboxField
          label="Limit the messages one run sends"
          checked={settings.messageLimit !== undefined}
          readOnly={readOnly}
          onChange={(on) =>
            onChange({ ...settings, messageLimit: on ? 3 : undefined }, "messageLimit")
          }
        />
        {settings.messageLimit !== undefined ? (
          <NumberField
            label="At most (messages per run)"
            min={1}
            max={1000}
            value={settings.messageLimit}
            readOnly={readOnly}
            onChange={(messageLimit) => onChange({ ...settings, messageLimit }, "messageLimit")}
          />
        ) : null}
      </section>
      <section aria-labelledby="settings-exclusion" className="space-y-3">
        <h3 id="settings-exclusion" className="text-sm font-semibold">
          Exclusion segment
        </h3>
        <SegmentPicker
          label="Never enter people in"
          allowNone
          value={settings.exclusionSegmentId}
          segments={segments ?? []}
          readOnly={readOnly}
          onChange={(id) =>
            onChange({ ...settings, exclusionSegmentId: id || undefined }, "exclusionSegmentId")
          }
        />
      </section>
    </div>
  );
}
