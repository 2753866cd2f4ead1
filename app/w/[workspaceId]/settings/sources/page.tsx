import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { CodeBlock } from "@/components/data/code-block";
import { CopyButton } from "@/components/data/copy-button";
import { PageHeader } from "@/components/shell/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { requestOrigin } from "@/lib/events/request-origin";
import { sourceSnippets } from "@/lib/events/source-snippets";
import { getWriteKey } from "@/lib/workspaces/api-keys";
import { requireMembership } from "@/lib/workspaces/get-membership";

export const metadata: Metadata = { title: "Sources" };

const ENDPOINTS = ["track", "identify", "page", "screen", "group", "alias", "batch"] as const;

export default async function SourcesPage({
  params,
}: {
  params: Promise<{ workspaceId: string }>;
}) {
  const { workspaceId } = await params;
  const { workspace } = await requireMembership(workspaceId);
  const [writeKey, origin] = await Promise.all([getWriteKey(workspace.id), requestOrigin()]);
  const settings = `/w/${workspace.id}/settings`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href={settings} className="text-brand-700 hover:underline">
          ← Settings
        </Link>
      </nav>
      <PageHeader
        title="Sources"
        description="Send events from your apps with the Segment HTTP API: any Segment library, or plain HTTP."
      />
      {!writeKey ? (
        <EmptyState
          title="No active write key"
          action={
            <Link href={settings} className="text-sm font-medium text-brand-700 hover:underline">
              Go to Settings → API keys
            </Link>
          }
        >
          This workspace has no write key to send events with. An admin can create one by rotating
          the write key in Settings.
        </EmptyState>
      ) : (
        <div className="max-w-4xl space-y-6">
          <Section id="key" title="Write key">
            <p className="text-sm text-slate-600">
              Public: it can only send events, so it may ship in a browser or mobile app. Send it as
              the HTTP Basic <strong>username</strong> with an empty password (Segment’s scheme), or
              as <code className="font-mono text-xs">writeKey</code> in the body. Rotate it in{" "}
              <Link href={settings} className="text-brand-700 hover:underline">
                Settings → API keys
              </Link>
              .
            </p>
            <div className="mt-3 flex items-center gap-3 rounded-md border border-slate-200 bg-slate-50 px-3 py-2">
              <code data-testid="write-key" className="flex-1 font-mono text-sm break-all">
                {writeKey}
              </code>
              <CopyButton text={writeKey} label="Copy key" />
            </div>
            <dl className="mt-4 grid grid-cols-[8rem_minmax(0,1fr)] gap-y-1.5 text-sm">
              <dt className="text-slate-500">Host</dt>
              <dd className="font-mono text-xs leading-5">{origin}</dd>
              <dt className="text-slate-500">Endpoints</dt>
              <dd className="flex flex-wrap gap-1.5">
                {ENDPOINTS.map((name) => (
                  <code
                    key={name}
                    className="rounded bg-slate-100 px-1.5 font-mono text-xs leading-5"
                  >
                    POST /api/v1/{name}
                  </code>
                ))}
              </dd>
            </dl>
          </Section>
          <Snippets origin={origin} writeKey={writeKey} workspaceId={workspace.id} />
        </div>
      )}
    </>
  );
}

function Snippets({
  origin,
  writeKey,
  workspaceId,
}: {
  origin: string;
  writeKey: string;
  workspaceId: string;
}) {
  const snippets = sourceSnippets({ origin, writeKey });
  return (
    <>
      <Section id="curl" title="curl">
        <p className="mb-3 text-sm text-slate-600">
          The quickest check: send one event, then watch it arrive in{" "}
          <Link href={`/w/${workspaceId}/events`} className="text-brand-700 hover:underline">
            Events → Live
          </Link>
          .
        </p>
        <CodeBlock
          code={snippets.curl}
          label="curl snippet"
          copyLabel="Copy curl"
          testId="snippet-curl"
        />
      </Section>
      <Section id="node" title="Node.js — @segment/analytics-node">
        <p className="mb-3 text-sm text-slate-600">
          Segment’s server library, unchanged: point <code className="font-mono text-xs">host</code>{" "}
          at Cue. It batches, retries and honours rate limits.
        </p>
        <CodeBlock
          code={snippets.node}
          label="Node.js snippet"
          copyLabel="Copy Node.js"
          testId="snippet-node"
        />
      </Section>
      <Section id="rudderstack-node" title="Node.js — @rudderstack/rudder-sdk-node">
        <p className="mb-3 text-sm text-slate-600">
          RudderStack’s server SDK with its defaults (gzipped batches): point{" "}
          <code className="font-mono text-xs">dataPlaneUrl</code> at Cue.
        </p>
        <CodeBlock
          code={snippets.rudderstackNode}
          label="RudderStack Node.js snippet"
          copyLabel="Copy RudderStack Node.js"
          testId="snippet-rudderstack-node"
        />
      </Section>
      <Section id="segment-browser" title="Browser — @segment/analytics-next">
        <p className="mb-3 text-sm text-slate-600">
          Segment’s browser library, unchanged: point{" "}
          <code className="font-mono text-xs">cdnURL</code> at Cue, which serves its settings and
          takes its calls from any site.
        </p>
        <CodeBlock
          code={snippets.segmentBrowser}
          label="Segment browser snippet"
          copyLabel="Copy analytics-next"
          testId="snippet-segment-browser"
        />
      </Section>
      <Section id="browser" title="Browser — fetch, no library">
        <p className="mb-3 text-sm text-slate-600">
          No library needed, and no CORS setup: the request is a plain “simple” POST that any page
          can send, like a beacon.
        </p>
        <CodeBlock
          code={snippets.browser}
          label="Browser fetch snippet"
          copyLabel="Copy fetch"
          testId="snippet-browser"
        />
      </Section>
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section
      aria-labelledby={`${id}-heading`}
      className="rounded-lg border border-slate-200 bg-white p-6"
    >
      <h2 id={`${id}-heading`} className="mb-2 text-lg font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}
