// Activation templates: introduce a feature on first use, nudge a stalled
// onboarding, and turn a first report into a shared dashboard. Copy uses
// Liquid over `profile.traits.*` and `event.*` (the trigger event's
// properties: `{{ event.template }}`), rendered by the channel at send time.

import type { JourneyDefinitionInput } from "./definition";

const APP = "https://app.acme.example";

export const introduceFeatureOnFirstUse = {
  version: 1,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      label: "First time using alerts",
      position: { x: 0, y: 0 },
      trigger: {
        kind: "event",
        event: "Feature Used",
        where: [{ kind: "property", path: "feature", operator: "eq", value: "alerts" }],
        firstTimeOnly: true,
      },
    },
    {
      id: "alerts-tooltip",
      type: "send_inapp",
      label: "Point at alert conditions",
      position: { x: 0, y: 120 },
      content: {
        kind: "tooltip",
        title: "Alerts can watch any metric",
        body: "Add a condition like “signups drop 20% week over week” and we'll tell you the moment it happens.",
        selector: "[data-tour='alert-conditions']",
        pathPattern: "/app/alerts/*",
        expiresInHours: 72,
      },
    },
    {
      id: "wait-2-days",
      type: "delay",
      position: { x: 0, y: 240 },
      delay: { kind: "duration", duration: { amount: 2, unit: "days" } },
    },
    {
      id: "alerts-guide-email",
      type: "send_email",
      label: "Three alerts worth setting up",
      position: { x: 0, y: 360 },
      content: {
        subject: "3 alerts our best teams set up first",
        preheader: "Catch problems before your customers do.",
        bodyFormat: "markdown",
        body: [
          'Hi {{ profile.traits.name | default: "there" }},',
          "",
          "You created your first alert. Nice! Here are the three our most active teams rely on:",
          "",
          "1. **Signup drop**: signups fall 20% below last week.",
          "2. **Usage spike**: a metric doubles within an hour.",
          "3. **Silent integration**: no events from a source for 6 hours.",
          "",
          `[Set up your next alert](${APP}/app/alerts/new)`,
        ].join("\n"),
      },
    },
    { id: "done", type: "exit", position: { x: 0, y: 480 } },
  ],
  edges: [
    { from: "trigger", to: "alerts-tooltip" },
    { from: "alerts-tooltip", to: "wait-2-days" },
    { from: "wait-2-days", to: "alerts-guide-email" },
    { from: "alerts-guide-email", to: "done" },
  ],
  settings: {
    // Using alerts again is the adoption we want; it stops the follow-up email.
    goal: {
      event: "Feature Used",
      where: [{ kind: "property", path: "feature", operator: "eq", value: "alerts" }],
      within: { amount: 14, unit: "days" },
    },
    reentry: { mode: "once" },
    holdoutPercent: 10,
    messageLimit: 2,
  },
} satisfies JourneyDefinitionInput;

const stepIs = (step: number) => [
  { kind: "property" as const, path: "step", operator: "eq" as const, value: step },
];

export const nudgeStalledOnboarding = {
  version: 1,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      label: "Finished onboarding step 2",
      position: { x: 0, y: 0 },
      trigger: {
        kind: "event",
        event: "Onboarding Step Completed",
        where: stepIs(2),
        firstTimeOnly: true,
      },
    },
    {
      id: "wait-step-3",
      type: "wait",
      label: "Step 3 within 24 h?",
      position: { x: 0, y: 120 },
      event: "Onboarding Step Completed",
      where: stepIs(3),
      timeout: { amount: 24, unit: "hours" },
    },
    { id: "finished", type: "exit", position: { x: -200, y: 240 } },
    {
      id: "nudge-email",
      type: "send_email",
      label: "Nudge: build your first report",
      position: { x: 200, y: 240 },
      content: {
        subject: "Your first report is one step away",
        preheader: "Your data source is connected. Let's put it to work.",
        bodyFormat: "markdown",
        body: [
          'Hi {{ profile.traits.name | default: "there" }},',
          "",
          "You connected a data source yesterday. The last step, building a report, takes about two minutes, and our starter template does most of it for you.",
          "",
          `[Build my first report](${APP}/app/reports/new?template=starter)`,
        ].join("\n"),
      },
    },
    {
      id: "wait-2-days",
      type: "delay",
      position: { x: 200, y: 360 },
      delay: { kind: "duration", duration: { amount: 2, unit: "days" } },
    },
    {
      id: "nudge-banner",
      type: "send_inapp",
      label: "Banner on the dashboard",
      position: { x: 200, y: 480 },
      content: {
        kind: "banner",
        title: 'Finish setting up {{ profile.traits.company | default: "your workspace" }}',
        body: "One step left: build your first report from the starter template.",
        ctaLabel: "Build report",
        ctaUrl: "/app/reports/new?template=starter",
        pathPattern: "/app",
        expiresInHours: 168,
      },
    },
    { id: "nudged", type: "exit", position: { x: 200, y: 600 } },
  ],
  edges: [
    { from: "trigger", to: "wait-step-3" },
    { from: "wait-step-3", exit: "did", to: "finished" },
    { from: "wait-step-3", exit: "timeout", to: "nudge-email" },
    { from: "nudge-email", to: "wait-2-days" },
    { from: "wait-2-days", to: "nudge-banner" },
    { from: "nudge-banner", to: "nudged" },
  ],
  settings: {
    goal: {
      event: "Onboarding Step Completed",
      where: stepIs(3),
      within: { amount: 7, unit: "days" },
    },
    reentry: { mode: "once" },
    holdoutPercent: 0,
  },
} satisfies JourneyDefinitionInput;

export const introduceComplementaryFeature = {
  version: 1,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      label: "First report created",
      position: { x: 0, y: 0 },
      trigger: { kind: "event", event: "Report Created", firstTimeOnly: true },
    },
    {
      id: "wait-1-hour",
      type: "delay",
      position: { x: 0, y: 120 },
      delay: { kind: "duration", duration: { amount: 1, unit: "hours" } },
    },
    {
      id: "not-shared-yet",
      type: "filter",
      label: "Has not shared a dashboard",
      position: { x: 0, y: 240 },
      condition: { all: [{ kind: "has_done", event: "Dashboard Shared", negate: true }] },
    },
    {
      id: "channel-test",
      type: "split",
      label: "In-app or email first?",
      position: { x: 0, y: 360 },
      variants: [
        { key: "in_app", weight: 50 },
        { key: "email", weight: 50 },
      ],
    },
    {
      id: "share-card",
      type: "send_inapp",
      position: { x: -200, y: 480 },
      content: {
        kind: "card",
        title: "Your report deserves an audience",
        body: 'Pin “{{ event.template | default: "your report" }}” to a dashboard and share a live link with your team.',
        ctaLabel: "Create a dashboard",
        ctaUrl: "/app/dashboards/new",
      },
    },
    {
      id: "share-email",
      type: "send_email",
      position: { x: 200, y: 480 },
      content: {
        subject: "Turn your first report into a live dashboard",
        preheader: "Share it once; it stays up to date.",
        bodyFormat: "markdown",
        body: [
          'Hi {{ profile.traits.name | default: "there" }},',
          "",
          "Congratulations on your first report! Teams that put reports on a shared dashboard check them 3× more often, and nobody has to ask for screenshots again.",
          "",
          `[Create a dashboard](${APP}/app/dashboards/new)`,
        ].join("\n"),
      },
    },
    {
      id: "wait-3-days",
      type: "delay",
      position: { x: 0, y: 600 },
      delay: { kind: "duration", duration: { amount: 3, unit: "days" } },
    },
    {
      id: "share-reminder",
      type: "send_email",
      position: { x: 0, y: 720 },
      content: {
        subject: "Share a dashboard in two clicks",
        preheader: "Link, email or Slack: your choice.",
        bodyFormat: "markdown",
        body: [
          'Hi {{ profile.traits.name | default: "there" }},',
          "",
          "Any dashboard can be shared by link, email or straight into Slack. Viewers always see fresh numbers.",
          "",
          `[Share a dashboard](${APP}/app/dashboards)`,
        ].join("\n"),
      },
    },
    { id: "done", type: "exit", position: { x: 0, y: 840 } },
  ],
  edges: [
    { from: "trigger", to: "wait-1-hour" },
    { from: "wait-1-hour", to: "not-shared-yet" },
    { from: "not-shared-yet", to: "channel-test" },
    { from: "channel-test", exit: "in_app", to: "share-card" },
    { from: "channel-test", exit: "email", to: "share-email" },
    { from: "share-card", to: "wait-3-days" },
    { from: "share-email", to: "wait-3-days" },
    { from: "wait-3-days", to: "share-reminder" },
    { from: "share-reminder", to: "done" },
  ],
  settings: {
    goal: { event: "Dashboard Shared", within: { amount: 14, unit: "days" } },
    reentry: { mode: "once" },
    holdoutPercent: 10,
  },
} satisfies JourneyDefinitionInput;
