// Retention and expansion templates: win back users gone quiet for 7 days,
// and prompt an upgrade when usage reaches 80% of the plan limit.

import type { JourneyDefinitionInput } from "./definition";

const APP = "https://app.acme.example";

export const reengageInactiveUsers = {
  version: 1,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      label: "No activity for 7 days",
      position: { x: 0, y: 0 },
      trigger: { kind: "inactivity", inactiveFor: { amount: 7, unit: "days" } },
    },
    {
      id: "reachable",
      type: "filter",
      label: "Has an email and built something",
      position: { x: 0, y: 120 },
      condition: {
        all: [
          { kind: "trait", path: "email", operator: "exists" },
          { kind: "has_done", event: "Report Created" },
        ],
      },
    },
    {
      id: "weekday-morning",
      type: "delay",
      label: "Next weekday, 10:00 their time",
      position: { x: 0, y: 240 },
      delay: { kind: "until_time", time: "10:00", weekdays: ["mon", "tue", "wed", "thu", "fri"] },
    },
    {
      id: "we-miss-you",
      type: "send_email",
      position: { x: 0, y: 360 },
      content: {
        subject: "Your dashboards kept counting while you were away",
        preheader:
          'Here\'s what changed in {{ profile.traits.company | default: "your workspace" }}.',
        bodyFormat: "markdown",
        body: [
          'Hi {{ profile.traits.name | default: "there" }},',
          "",
          "It's been a week. Your reports kept updating, and a few numbers moved. Take a two-minute look at what changed.",
          "",
          `[Open my dashboards](${APP}/app)`,
        ].join("\n"),
      },
    },
    {
      id: "came-back",
      type: "wait",
      label: "Logged in within 4 days?",
      position: { x: 0, y: 480 },
      event: "Logged In",
      timeout: { amount: 4, unit: "days" },
    },
    {
      id: "welcome-back",
      type: "send_inapp",
      position: { x: -200, y: 600 },
      content: {
        kind: "card",
        title: 'Welcome back, {{ profile.traits.name | default: "friend" }}',
        body: "New since your last visit: scheduled exports and Slack alerts.",
        ctaLabel: "See what's new",
        ctaUrl: "/app/changelog",
        expiresInHours: 72,
      },
    },
    {
      id: "last-try",
      type: "send_email",
      position: { x: 200, y: 600 },
      content: {
        subject: "Should we keep your reports running?",
        preheader: "One click tells us you're still around.",
        bodyFormat: "markdown",
        body: [
          'Hi {{ profile.traits.name | default: "there" }},',
          "",
          "We noticed you haven't been back in a while. If Acme isn't working for you, reply and tell us why; we read every answer.",
          "",
          `[Take me to my reports](${APP}/app/reports)`,
        ].join("\n"),
      },
    },
    { id: "done", type: "exit", position: { x: 0, y: 720 } },
  ],
  edges: [
    { from: "trigger", to: "reachable" },
    { from: "reachable", to: "weekday-morning" },
    { from: "weekday-morning", to: "we-miss-you" },
    { from: "we-miss-you", to: "came-back" },
    { from: "came-back", exit: "did", to: "welcome-back" },
    { from: "came-back", exit: "timeout", to: "last-try" },
    { from: "welcome-back", to: "done" },
    { from: "last-try", to: "done" },
  ],
  settings: {
    // Coming back to create a report is the real win; a login alone is the wait's job.
    goal: { event: "Report Created", within: { amount: 14, unit: "days" } },
    reentry: { mode: "cooldown", cooldown: { amount: 30, unit: "days" } },
    holdoutPercent: 10,
    messageLimit: 3,
  },
} satisfies JourneyDefinitionInput;

export const promptUpgradeNearLimit = {
  version: 1,
  nodes: [
    {
      id: "trigger",
      type: "trigger",
      label: "Usage reaches 80% of the plan",
      position: { x: 0, y: 0 },
      trigger: {
        kind: "trait_change",
        conditions: [
          { kind: "trait", path: "usage_pct", operator: "gte", value: 80 },
          { kind: "trait", path: "plan", operator: "in", value: ["free", "pro"] },
        ],
      },
    },
    {
      id: "on-free",
      type: "branch",
      label: "On the Free plan?",
      position: { x: 0, y: 120 },
      condition: { all: [{ kind: "trait", path: "plan", operator: "eq", value: "free" }] },
    },
    {
      id: "free-limit-modal",
      type: "send_inapp",
      position: { x: -200, y: 240 },
      content: {
        kind: "modal",
        title: "You've used {{ profile.traits.usage_pct }}% of the Free plan",
        body: "Pro gives you 10× the events, unlimited reports and alerts. Upgrade now and nothing pauses.",
        ctaLabel: "Compare plans",
        ctaUrl: "/app/settings/billing",
        expiresInHours: 72,
      },
    },
    {
      id: "free-limit-email",
      type: "send_email",
      position: { x: -200, y: 360 },
      content: {
        subject: "You're at {{ profile.traits.usage_pct }}% of your Free plan",
        preheader: "Upgrade before tracking pauses.",
        bodyFormat: "markdown",
        body: [
          'Hi {{ profile.traits.name | default: "there" }},',
          "",
          '{{ profile.traits.company | default: "Your team" }} has used {{ profile.traits.usage_pct }}% of this month\'s Free plan. When you reach 100%, new events stop being processed until next month.',
          "",
          `[Upgrade to Pro](${APP}/app/settings/billing?plan=pro)`,
        ].join("\n"),
      },
    },
    {
      id: "pro-limit-email",
      type: "send_email",
      position: { x: 200, y: 240 },
      content: {
        subject: "Room to grow: the Team plan",
        preheader: "You're at {{ profile.traits.usage_pct }}% of Pro.",
        bodyFormat: "markdown",
        body: [
          'Hi {{ profile.traits.name | default: "there" }},',
          "",
          "You're using {{ profile.traits.usage_pct }}% of your Pro plan. Team adds 5× the volume, shared workspaces and SSO.",
          "",
          `[See the Team plan](${APP}/app/settings/billing?plan=team)`,
        ].join("\n"),
      },
    },
    { id: "done", type: "exit", position: { x: 0, y: 480 } },
  ],
  edges: [
    { from: "trigger", to: "on-free" },
    { from: "on-free", exit: "yes", to: "free-limit-modal" },
    { from: "on-free", exit: "no", to: "pro-limit-email" },
    { from: "free-limit-modal", to: "free-limit-email" },
    { from: "free-limit-email", to: "done" },
    { from: "pro-limit-email", to: "done" },
  ],
  settings: {
    goal: { event: "Plan Upgraded", within: { amount: 14, unit: "days" } },
    reentry: { mode: "cooldown", cooldown: { amount: 30, unit: "days" } },
    holdoutPercent: 10,
    messageLimit: 2,
  },
} satisfies JourneyDefinitionInput;
