// /demo[/reports|/alerts|/settings] – "Acme Analytics", a fake product app that embeds cue.js
import type { Metadata } from "next";
import { loadDemoInbox } from "@/lib/inbox/demo-inbox";
import { DemoApp, type DemoView } from "./demo-app";

export const metadata: Metadata = { title: "In-app demo" };
export const dynamic = "force-dynamic";

const VIEWS: readonly DemoView[] = ["dashboard", "reports", "alerts", "settings"];

export default async function DemoPage({
  params,
  searchParams,
}: {
  params: Promise<{ view?: string[] }>;
  searchParams: Promise<{ user?: string }>;
}) {
  const [{ view }, { user }] = await Promise.all([params, searchParams]);
  const demo = await loadDemoInbox(user);
  if (!demo) return <NoDemo />;
  const name = view?.[0];
  const current = VIEWS.find((v) => v === name) ?? "dashboard";
  return (
    <DemoApp
      view={current}
      writeKey={demo.writeKey}
      users={demo.users}
      totalUsers={demo.totalUsers}
      user={demo.current}
    />
  );
}

function NoDemo() {
  return (
    <main className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-2xl font-semibold">The in-app demo needs the demo workspace</h1>
      <p className="mt-4 text-slate-600">
        This page plays a small product app that uses Cue’s drop-in inbox client (
        <code>/cue.js</code>) for a user of the demo workspace “Acme”. That workspace is seeded at
        the first start of an empty database.
      </p>
      <ol className="mt-4 list-decimal space-y-2 pl-6 text-slate-600">
        <li>
          Start Cue on a fresh data folder with the demo on (the default):{" "}
          <code className="rounded bg-slate-100 px-1">CUE_DATA_DIR=.data/demo npm start</code>
        </li>
        <li>
          Make sure <code className="rounded bg-slate-100 px-1">SEED_DEMO</code> is not set to{" "}
          <code>false</code>.
        </li>
        <li>Open this page again.</li>
      </ol>
    </main>
  );
}
