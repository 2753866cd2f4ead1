"use client";

import { useState } from "react";
import type { RenderedEmail } from "@/lib/channels/render-email";

const WIDTHS = { desktop: 600, mobile: 375 } as const;
type Width = keyof typeof WIDTHS;

/** A rendered email in a fully sandboxed iframe (no scripts, no same origin), at two widths. */
export function EmailFrame({
  email,
}: {
  email: Pick<RenderedEmail, "subject" | "preheader" | "html">;
}) {
  const [width, setWidth] = useState<Width>("desktop");
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <dl className="min-w-0 flex-1 text-sm">
          <div className="flex gap-2">
            <dt className="w-20 shrink-0 text-slate-500">Subject</dt>
            <dd
              className="min-w-0 font-medium break-words text-slate-900"
              data-testid="preview-subject"
            >
              {email.subject}
            </dd>
          </div>
          {email.preheader ? (
            <div className="flex gap-2">
              <dt className="w-20 shrink-0 text-slate-500">Preheader</dt>
              <dd className="min-w-0 break-words text-slate-600">{email.preheader}</dd>
            </div>
          ) : null}
        </dl>
        <fieldset className="inline-flex rounded-md border border-slate-300 bg-white p-0.5 text-xs">
          <legend className="sr-only">Preview width</legend>
          {(Object.keys(WIDTHS) as Width[]).map((key) => (
            <label
              key={key}
              className={`cursor-pointer rounded px-2.5 py-1 font-medium capitalize has-focus-visible:outline-2 has-focus-visible:outline-brand-500 ${
                width === key ? "bg-brand-600 text-white" : "text-slate-700 hover:bg-slate-100"
              }`}
            >
              <input
                type="radio"
                name="email-width"
                value={key}
                checked={width === key}
                onChange={() => setWidth(key)}
                className="sr-only"
              />
              {key} ({WIDTHS[key]}px)
            </label>
          ))}
        </fieldset>
      </div>
      <div className="overflow-x-auto rounded-lg bg-slate-100 p-3">
        <iframe
          title={`Email preview, ${width} width`}
          sandbox=""
          srcDoc={email.html}
          style={{ width: WIDTHS[width] }}
          className="mx-auto block h-[560px] max-w-none rounded border border-slate-200 bg-white"
        />
      </div>
    </div>
  );
}
