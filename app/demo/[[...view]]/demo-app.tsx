"use client";

import Link from "next/link";
import { useEffect, useState, useTransition } from "react";
import type { DemoUser } from "@/lib/inbox/demo-inbox";
import { sendDemoMessageAction } from "../actions";
import { DemoActivityPanel } from "./demo-activity-panel";
import { DemoUserPicker } from "./demo-user-picker";

// The fake product. Everything Cue-related goes through window.Cue, exactly
// as a customer's app would use the script tag.

interface CueGlobal {
  init(options: Record<string, unknown>): Promise<void>;
  track(event: string, properties?: Record<string, unknown>): Promise<void>;
  destroy(): void;
}
declare global {
  interface Window {
    Cue?: CueGlobal;
  }
}

/**
 * Events the demo workspace's live journeys listen for (lib/journey-core/templates*.ts,
 * pointed at this app by lib/seed/ensure-demo-journeys.ts). Each result shows
 * on this page: in the panel "What Cue did", and as the message itself.
 */
const JOURNEY_EVENTS = [
  {
    label: "Use the alerts feature for the first time",
    event: "Feature Used",
    properties: { feature: "alerts" },
    result:
      "Enters “Introduce a feature on first use” (first time only): a tooltip on the Alerts page.",
  },
  {
    label: "Complete onboarding step 2",
    event: "Onboarding Step Completed",
    properties: { step: 2 },
    result:
      "Enters “Nudge a stalled onboarding”: waits 24 h for step 3, then emails a nudge; a card in the bell follows 2 days later. Skip the waits in “What Cue did”.",
  },
  {
    label: "Complete onboarding step 3",
    event: "Onboarding Step Completed",
    properties: { step: 3 },
    result: "Ends that wait: the user did it, so no nudge is sent.",
  },
] as const;

const KINDS = ["card", "banner", "modal", "tooltip"] as const;

function loadCueScript(): Promise<CueGlobal> {
  if (window.Cue) return Promise.resolve(window.Cue);
  return new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = "/cue.js";
    script.async = true;
    script.onload = () =>
      window.Cue ? resolve(window.Cue) : reject(new Error("cue.js did not load"));
    script.onerror = () => reject(new Error("cue.js did not load"));
    document.head.appendChild(script);
  });
}

export type DemoView = "dashboard" | "reports" | "alerts" | "settings";

export function DemoApp(props: {
  view: DemoView;
  writeKey: string;
  users: DemoUser[];
  totalUsers: number;
  user: DemoUser & { userHash: string };
}) {
  const { view, writeKey, users, totalUsers, user } = props;
  const [status, setStatus] = useState<string | null>(null);
  const [tracked, setTracked] = useState<{ event: string; at: number } | null>(null);
  const [sending, startSending] = useTransition();

  useEffect(() => {
    let cue: CueGlobal | null = null;
    let cancelled = false;
    loadCueScript()
      .then((loaded) => {
        if (cancelled) return;
        cue = loaded;
        return loaded.init({
          host: window.location.origin,
          writeKey,
          userId: user.userId,
          userHash: user.userHash,
          container: "#cue-bell",
        });
      })
      .catch((error: unknown) => setStatus(`Could not start cue.js: ${String(error)}`));
    return () => {
      cancelled = true;
      cue?.destroy();
    };
  }, [writeKey, user.userId, user.userHash]);

  const track = (event: string, properties: Record<string, unknown> = {}) => {
    window.Cue?.track(event, properties)
      .then(() => {
        setStatus(`Tracked “${event}” for ${user.name}: see “What Cue did”.`);
        setTracked({ event, at: Date.now() });
      })
      .catch(() => setStatus(`Could not track “${event}”.`));
  };

  const send = (kind: (typeof KINDS)[number]) =>
    startSending(async () => {
      const result = await sendDemoMessageAction({ userId: user.userId, kind });
      setStatus(
        result.ok
          ? kind === "tooltip"
            ? "Tooltip sent: open Reports to see it anchored to “Create report”."
            : `Sent a ${kind}; it arrives over the live stream.`
          : result.message,
      );
    });

  const query = `?user=${encodeURIComponent(user.userId)}`;
  const nav = [
    { href: `/demo${query}`, label: "Dashboard", active: view === "dashboard" },
    { href: `/demo/reports${query}`, label: "Reports", active: view === "reports" },
    { href: `/demo/alerts${query}`, label: "Alerts", active: view === "alerts" },
    { href: `/demo/settings${query}`, label: "Settings", active: view === "settings" },
  ];

  return (
    <div className="min-h-screen bg-slate-50">
      <header className="flex items-center gap-6 border-b border-slate-200 bg-white px-6 py-3">
        <span className="text-lg font-bold text-indigo-600">Acme Analytics</span>
        <nav className="flex gap-1" aria-label="Acme">
          {nav.map((item) => (
            <Link
              key={item.label}
              href={item.href}
              aria-current={item.active ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm ${item.active ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-600 hover:bg-slate-100"}`}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-3">
          <DemoUserPicker
            user={user}
            initialUsers={users}
            totalUsers={totalUsers}
            path={view === "dashboard" ? "/demo" : `/demo/${view}`}
          />
          <div id="cue-bell" />
        </div>
      </header>

      <main className="mx-auto grid max-w-6xl gap-6 px-6 py-8 lg:grid-cols-[1fr_320px]">
        <section>
          {view === "dashboard" && (
            <Dashboard onShare={() => track("Dashboard Shared", { dashboard: "Growth" })} />
          )}
          {view === "reports" && (
            <Reports onCreate={() => track("Report Created", { report_type: "funnel" })} />
          )}
          {view === "alerts" && <Alerts />}
          {view === "settings" && (
            <Settings onInvite={() => track("Invited Teammate", { role: "editor" })} />
          )}
        </section>

        <aside className="space-y-4">
          <DemoActivityPanel userId={user.userId} name={user.name} tracked={tracked} />
          <div className="rounded-xl border border-dashed border-indigo-300 bg-white p-4">
            <h2 className="font-semibold">Demo controls</h2>
            <p className="mt-1 text-sm text-slate-600">
              Send {user.name} an in-app message through Cue’s real sending path. It reaches the
              bell (cards) or the page (banner, modal, tooltip) over the live stream.
            </p>
            <div className="mt-3 grid grid-cols-2 gap-2">
              {KINDS.map((kind) => (
                <button
                  key={kind}
                  type="button"
                  disabled={sending}
                  onClick={() => send(kind)}
                  className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50 disabled:opacity-50"
                >
                  Send a {kind}
                </button>
              ))}
            </div>
            <h3 className="mt-4 text-sm font-semibold">Trigger a live journey</h3>
            <p className="mt-1 text-sm text-slate-600">
              Tracks an event for {user.name} through Cue’s tracking API. Each run and the reason
              for every step show on the user’s profile (Users → the user → Journeys).
            </p>
            <div className="mt-2 grid gap-2">
              {JOURNEY_EVENTS.map(({ label, event, properties, result }) => (
                <button
                  key={label}
                  type="button"
                  onClick={() => track(event, properties)}
                  className="rounded-md border border-indigo-300 px-3 py-1.5 text-left text-sm hover:bg-indigo-50"
                >
                  {label}
                  <span className="block font-mono text-xs text-slate-500">
                    {event} {JSON.stringify(properties)}
                  </span>
                  <span className="block text-xs text-slate-600">{result}</span>
                </button>
              ))}
            </div>
            <p role="status" className="mt-3 min-h-5 text-sm text-slate-600">
              {sending ? "Sending…" : status}
            </p>
          </div>
          <p className="text-xs text-slate-500">
            This page computes the user_hash on the server for the picked demo user. A real app does
            that on its own backend for its signed-in user only.
          </p>
        </aside>
      </main>
    </div>
  );
}

function Dashboard({ onShare }: { onShare: () => void }) {
  const tiles = [
    ["Active users", "4,812", "+6.1%"],
    ["Signups", "392", "+12.0%"],
    ["Churn", "2.4%", "−0.3 pt"],
  ];
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Growth dashboard</h1>
        <button
          id="share-dashboard"
          type="button"
          onClick={onShare}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Share dashboard
        </button>
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {tiles.map(([label, value, delta]) => (
          <div key={label} className="rounded-xl border border-slate-200 bg-white p-4">
            <div className="text-sm text-slate-500">{label}</div>
            <div className="mt-1 text-2xl font-semibold">{value}</div>
            <div className="text-sm text-emerald-600">{delta}</div>
          </div>
        ))}
      </div>
      <FakeChart />
    </div>
  );
}

function Reports({ onCreate }: { onCreate: () => void }) {
  return (
    <div className="space-y-6">
      <div className="flex items-center justify-between">
        <h1 className="text-2xl font-semibold">Reports</h1>
        <button
          id="create-report"
          type="button"
          onClick={onCreate}
          className="rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-700"
        >
          Create report
        </button>
      </div>
      <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white">
        {["Weekly signups by channel", "Activation funnel", "Revenue by plan"].map((name) => (
          <li key={name} className="px-4 py-3 text-sm">
            {name}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Alerts() {
  const alerts = [
    ["Signups drop", "signups fall 20% below last week", "On"],
    ["Silent integration", "no events from a source for 6 hours", "Off"],
  ];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Alerts</h1>
      <div data-tour="alert-conditions" className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-medium">Alert conditions</h2>
        <ul className="mt-2 divide-y divide-slate-200">
          {alerts.map(([name, condition, state]) => (
            <li key={name} className="flex justify-between py-2 text-sm">
              <span>
                <span className="font-medium">{name}</span>: {condition}
              </span>
              <span className="text-slate-500">{state}</span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Settings({ onInvite }: { onInvite: () => void }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Settings</h1>
      <div className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-medium">Team</h2>
        <p className="mt-1 text-sm text-slate-600">Invite a teammate to collaborate on reports.</p>
        <button
          id="invite-teammate"
          type="button"
          onClick={onInvite}
          className="mt-3 rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-50"
        >
          Invite teammate
        </button>
      </div>
    </div>
  );
}

function FakeChart() {
  const bars = [38, 52, 47, 61, 58, 72, 69, 80, 77, 91, 86, 98];
  return (
    <div className="rounded-xl border border-slate-200 bg-white p-4">
      <div className="text-sm text-slate-500">Weekly active users</div>
      <div className="mt-4 flex h-40 items-end gap-2" aria-hidden="true">
        {bars.map((height, index) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: a fixed decorative series
            key={index}
            className="flex-1 rounded-t bg-indigo-400"
            style={{ height: `${height}%` }}
          />
        ))}
      </div>
    </div>
  );
}
