"use client";

import dynamic from "next/dynamic";
import "@scalar/api-reference-react/style.css";

// Scalar's renderer (a Vue app in a React wrapper) runs in the browser only:
// it never executes on the server. It loads no fonts or scripts from
// elsewhere (withDefaultFonts off, no telemetry, no "Ask AI" agent, no
// developer toolbar), and its "try it" requests go straight to this origin
// (no proxy), so the app's CSP needs no exception.
const ApiReferenceReact = dynamic(
  () => import("@scalar/api-reference-react").then((m) => m.ApiReferenceReact),
  {
    ssr: false,
    loading: () => <p className="p-8 text-sm text-gray-500">Loading the API reference…</p>,
  },
);

export function ApiReference({ specUrl }: { specUrl: string }) {
  return (
    <ApiReferenceReact
      configuration={{
        url: specUrl,
        withDefaultFonts: false,
        telemetry: false,
        agent: { disabled: true },
        showDeveloperTools: "never",
        metaData: { title: "Cue API reference" },
      }}
    />
  );
}
