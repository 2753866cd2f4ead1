import type { RenderedInApp } from "@/lib/channels/in-app/rendered-in-app";

// A static copy of how public/cue.js draws each in-app kind (same colours,
// radii and type as its CSS), so the preview looks like what users will see.

const FONT =
  "font-[system-ui,-apple-system,'Segoe_UI',Roboto,sans-serif] text-[14px] leading-[1.45]";
const BODY = "[&_a]:text-[#4f46e5] [&_p]:mb-1.5 [&_p:last-child]:mb-0";
const CTA =
  "mt-1.5 inline-block rounded-lg bg-[#4f46e5] px-3 py-1.5 font-semibold text-white no-underline";

function Body({ item, className = "" }: { item: RenderedInApp; className?: string }) {
  return (
    <div
      className={`${BODY} ${className}`}
      // bodyHtml is sanitized server-side by lib/channels/in-app/sanitize-in-app-html.ts
      // (a safe Markdown subset); no other field is ever set as HTML.
      // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized on the server, see above
      dangerouslySetInnerHTML={{ __html: item.bodyHtml }}
    />
  );
}

function Picture({ item }: { item: RenderedInApp }) {
  return item.imageUrl ? (
    // biome-ignore lint/performance/noImgElement: an arbitrary author URL, shown as cue.js shows it
    <img src={item.imageUrl} alt="" className="my-1.5 block max-w-full rounded-lg" />
  ) : null;
}

function Cta({ item, className = CTA }: { item: RenderedInApp; className?: string }) {
  return item.ctaLabel ? (
    <span className={className} title={item.ctaUrl}>
      {item.ctaLabel}
    </span>
  ) : null;
}

export function InAppReplica({ item }: { item: RenderedInApp }) {
  switch (item.kind) {
    case "card":
      return (
        <div
          className={`${FONT} w-[360px] max-w-full overflow-hidden rounded-xl border border-[#e4e6ec] bg-white text-[#1f2330] shadow-[0_12px_40px_rgba(0,0,0,.16)]`}
        >
          <div className="flex items-center gap-2 border-b border-[#eef0f4] px-3.5 py-3">
            <p className="flex-1 text-[15px] font-bold">Notifications</p>
            <span className="text-[#4f46e5]">Mark all as read</span>
          </div>
          <div className="relative border-b border-[#f1f2f6] py-3 pr-3.5 pl-[26px]">
            <span
              aria-hidden
              className="absolute top-[19px] left-[11px] size-2 rounded-full bg-[#4f46e5]"
            />
            <Picture item={item} />
            <h3 className="mb-0.5 text-[14px] font-bold">{item.title}</h3>
            <Body item={item} className="text-[#444a5c]" />
            <Cta item={item} />
            <p className="text-[12px] text-[#8a90a2]">just now</p>
          </div>
        </div>
      );
    case "banner":
      return (
        <div
          className={`${FONT} flex w-full items-center gap-3 bg-[#4f46e5] px-4 py-2.5 text-white`}
        >
          <div className="flex-1">
            <strong>{item.title}</strong>
            <Body item={item} className="text-white [&_a]:text-white [&_p]:m-0" />
          </div>
          <Cta
            item={item}
            className="inline-block rounded-lg bg-white px-3 py-1.5 font-semibold text-[#4f46e5]"
          />
          <span aria-hidden className="px-1.5 text-[18px] leading-none">
            ×
          </span>
        </div>
      );
    case "modal":
      return (
        <div className="flex w-full items-center justify-center bg-[rgba(17,20,31,.5)] p-4">
          <div
            className={`${FONT} relative w-[440px] max-w-full rounded-[14px] bg-white p-6 text-[#1f2330] shadow-[0_20px_60px_rgba(0,0,0,.3)]`}
          >
            <span
              aria-hidden
              className="absolute top-2.5 right-2.5 px-1.5 text-[18px] leading-none text-[#8a90a2]"
            >
              ×
            </span>
            <Picture item={item} />
            <h2 className="mb-2 text-[20px] font-bold">{item.title}</h2>
            <Body item={item} className="text-[#444a5c]" />
            <div className="mt-4 flex justify-end gap-2">
              <span className="p-1 text-[#4f46e5]">Close</span>
              <Cta item={item} className={`${CTA} mt-0`} />
            </div>
          </div>
        </div>
      );
    case "tooltip":
      return (
        <div className="space-y-2">
          <p className="font-mono text-xs text-slate-500">anchored below {item.selector}</p>
          <div
            className={`${FONT} relative w-[280px] max-w-full rounded-[10px] bg-[#1f2330] px-3.5 py-3 text-white shadow-[0_8px_24px_rgba(0,0,0,.25)]`}
          >
            <span
              aria-hidden
              className="absolute -top-1.5 left-5 border-x-[6px] border-b-[6px] border-x-transparent border-b-[#1f2330]"
            />
            <Picture item={item} />
            <h3 className="mb-1 text-[14px] font-bold">{item.title}</h3>
            <Body item={item} className="text-[#d8dbe5] [&_a]:text-[#c7d2fe]" />
            <div className="mt-2 flex justify-end gap-2">
              <Cta item={item} className={`${CTA} mt-0`} />
              <span className="p-1 text-[#c7d2fe]">Got it</span>
            </div>
          </div>
        </div>
      );
    default: {
      const unknown: never = item.kind;
      throw new Error(`Unknown in-app kind: ${String(unknown)}`);
    }
  }
}
