import type { RenderedMessage } from "@/lib/channels/render-content";
import { EmailFrame } from "./email-frame";
import { InAppReplica } from "./in-app-replica";

/** What a rendered message looks like to its recipient: email in an iframe, in-app as cue.js draws it. */
export function RenderedPreview({ rendered }: { rendered: RenderedMessage }) {
  if (rendered.channel === "email") return <EmailFrame email={rendered.email} />;
  return (
    <div className="overflow-x-auto rounded-lg bg-slate-100 p-4" data-testid="in-app-preview">
      <p className="mb-3 text-xs font-medium text-slate-500 uppercase">{rendered.inApp.kind}</p>
      <InAppReplica item={rendered.inApp} />
    </div>
  );
}
