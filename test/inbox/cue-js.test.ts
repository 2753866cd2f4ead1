import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { transformSync } from "esbuild";
import { beforeEach, describe, expect, expectTypeOf, it } from "vitest";
import type { InboxItem as CueInboxItem, InboxPage as CueInboxPage } from "@/client/cue/types";
import type { InboxItemJson } from "@/lib/inbox/inbox-item-json";
import type { InboxPage as ServerInboxPage } from "@/lib/inbox/list-inbox";
import { createBrowser, type FakeElement, FakeEventSource, type FetchCall } from "./fake-dom";

const source = readFileSync("public/cue.js", "utf8");

describe("public/cue.js", () => {
  it("parses as a script (node --check)", () => {
    expect(() =>
      execFileSync(process.execPath, ["--check", "public/cue.js"], { stdio: "pipe" }),
    ).not.toThrow();
  });

  it("uses nothing newer than ES2017 (esbuild has nothing to lower)", () => {
    const modern = transformSync(source, { target: "esnext" }).code;
    expect(transformSync(source, { target: "es2017" }).code).toBe(modern);
  });

  it("declares the item and page shapes the inbox API sends (checked by the type checker)", () => {
    expectTypeOf<InboxItemJson>().toExtend<CueInboxItem>();
    expectTypeOf<ServerInboxPage>().toExtend<CueInboxPage>();
  });
});

const card = (seq: number, overrides: Record<string, unknown> = {}) => ({
  id: `item-${seq}`,
  seq,
  kind: "card",
  title: `Card ${seq}`,
  body: "Body",
  body_html: "<p>Body</p>",
  image_url: null,
  cta_label: null,
  cta_url: null,
  selector: null,
  path_pattern: null,
  created_at: new Date().toISOString(),
  expires_at: null,
  seen_at: null,
  read_at: null,
  clicked_at: null,
  archived_at: null,
  ...overrides,
});
const counts = (unread: number) => ({
  unread,
  unseen: unread,
  by_kind: {
    card: { unread, unseen: unread },
    banner: { unread: 0, unseen: 0 },
    modal: { unread: 0, unseen: 0 },
    tooltip: { unread: 0, unseen: 0 },
  },
});

type Cue = {
  init(options: Record<string, unknown>): Promise<void>;
  track(event: string, properties?: Record<string, unknown>): Promise<void>;
  open(): void;
};

function boot(presentations: unknown[] = []) {
  const browser = createBrowser((call: FetchCall) => {
    if (call.url.includes("kind=card"))
      return { items: [card(7), card(5)], next_cursor: null, counts: counts(2) };
    if (call.url.includes("kind=banner"))
      return { items: presentations, next_cursor: null, counts: counts(2) };
    const action = /\/api\/v1\/inbox\/([^/]+)\/(\w+)$/.exec(call.url);
    if (action) return { item: { id: action[1] }, counts: counts(1) };
    return { updated: 0, counts: counts(1) };
  });
  // The window object is the script's global, as in a browser.
  Object.assign(browser.window, { Event: browser.Event, URL, URLSearchParams, TextDecoder });
  const context = vm.createContext(browser.window);
  vm.runInContext(source, context);
  return { ...browser, cue: (context as unknown as { Cue: Cue }).Cue };
}

const auth = { host: "https://cue.test", writeKey: "wk_1", userId: "ada", userHash: "abc" };
const byClass = (root: FakeElement, name: string) => root.querySelectorAll(`.${name}`);

describe("cue.js in a page", () => {
  beforeEach(() => {
    FakeEventSource.instances = [];
  });

  it("refuses to start without proof", () => {
    const { cue } = boot();
    expect(() => cue.init({ writeKey: "wk_1", userId: "ada" })).toThrow(/userHash/);
  });

  it("loads the feed with header auth, badges the cards, then follows the stream from the newest seq", async () => {
    const { cue, calls, document } = boot();
    await cue.init(auth);
    const list = calls.find((c) => c.url.includes("kind=card"));
    expect(list?.headers).toMatchObject({
      "X-Cue-Write-Key": "wk_1",
      "X-Cue-User-Id": "ada",
      "X-Cue-User-Hash": "abc",
    });
    const badge = document.querySelector(".cue-badge") as FakeElement;
    expect(badge.textContent).toBe("2");
    expect(badge.hidden).toBe(false);
    const stream = FakeEventSource.instances[0];
    const url = new URL(stream?.url ?? "");
    expect(url.pathname).toBe("/api/v1/inbox/stream");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      write_key: "wk_1",
      user_id: "ada",
      user_hash: "abc",
      last_event_id: "7",
    });

    stream?.emit("counts", counts(5));
    expect(badge.textContent).toBe("5");
  });

  it("renders streamed cards with text as text, marks them seen when the panel opens and read on click", async () => {
    const { cue, calls, document } = boot();
    await cue.init(auth);
    const hostile = '<img src=x onerror="alert(1)">';
    FakeEventSource.instances[0]?.emit(
      "item",
      card(9, { title: hostile, body_html: "<p>safe</p>" }),
    );
    cue.open();
    const cards = byClass(document.body, "cue-card");
    expect(cards).toHaveLength(3);
    const first = cards[0] as FakeElement;
    const title = first.querySelector("h3") as FakeElement;
    expect(title.textContent).toBe(hostile);
    expect(title.html).toBeNull();
    expect((first.querySelector(".cue-body") as FakeElement).innerHTML).toBe("<p>safe</p>");
    const seen = calls.find((c) => c.url.endsWith("/api/v1/inbox/bulk"));
    expect(JSON.parse(seen?.body ?? "{}")).toEqual({
      ids: ["item-9", "item-7", "item-5"],
      action: "seen",
    });
    first.click();
    expect(calls.at(-1)?.url).toBe("https://cue.test/api/v1/inbox/item-9/read");
  });

  it("shows a banner, marks it seen, and archives it on dismiss", async () => {
    const banner = card(11, {
      kind: "banner",
      title: "Maintenance tonight",
      cta_label: "Details",
      cta_url: "javascript:alert(1)",
    });
    const { cue, calls, document } = boot([banner]);
    await cue.init(auth);
    const bar = document.querySelector(".cue-banner") as FakeElement;
    expect(bar.textContent).toContain("Maintenance tonight");
    // An unsafe CTA URL renders no link at all.
    expect(bar.querySelector("a[href]")).toBeNull();
    expect(calls.some((c) => c.url.endsWith("/item-11/seen"))).toBe(true);
    (bar.querySelector("button") as FakeElement).click();
    expect(calls.at(-1)?.url).toBe("https://cue.test/api/v1/inbox/item-11/archived");
    expect(document.querySelector(".cue-banner")).toBeNull();
  });

  it("shows a tooltip only on matching paths, anchored to its selector", async () => {
    const tip = card(12, {
      kind: "tooltip",
      title: "Try reports",
      selector: "#create-report",
      path_pattern: "/reports/*",
    });
    const { cue, document, window } = boot([tip]);
    const anchor = document.createElement("button");
    anchor.id = "create-report";
    document.body.appendChild(anchor);
    await cue.init(auth);
    expect(document.querySelector(".cue-tooltip")).toBeNull();
    (window.history as { pushState(s: unknown, t: string, u: string): void }).pushState(
      {},
      "",
      "/reports/42",
    );
    const tooltip = document.querySelector(".cue-tooltip") as FakeElement;
    expect(tooltip.textContent).toContain("Try reports");
    expect(tooltip.style.top).toBe("90px");
  });

  it("opens a modal as an accessible dialog and closes it with Escape", async () => {
    const modal = card(13, { kind: "modal", title: "New: dashboards" });
    const { cue, calls, document } = boot([modal]);
    await cue.init(auth);
    const dialog = document.querySelector(".cue-modal") as FakeElement;
    expect(dialog.getAttribute("role")).toBe("dialog");
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    document.dispatch("keydown", { key: "Escape" });
    expect(document.querySelector(".cue-modal")).toBeNull();
    expect(calls.at(-1)?.url).toBe("https://cue.test/api/v1/inbox/item-13/archived");
  });

  it("archives a card from the panel at once and marks all read once the server did", async () => {
    const { cue, calls, document } = boot();
    await cue.init(auth);
    cue.open();
    const archive = (byClass(document.body, "cue-card")[0] as FakeElement).querySelectorAll(
      "button",
    )[1] as FakeElement;
    expect(archive.getAttribute("aria-label")).toBe("Archive");
    archive.click();
    expect(byClass(document.body, "cue-card")).toHaveLength(1);
    expect(calls.at(-1)?.url).toBe("https://cue.test/api/v1/inbox/item-7/archived");

    const markAll = (document.querySelector(".cue-head") as FakeElement).querySelector(
      "button",
    ) as FakeElement;
    markAll.click();
    expect(JSON.parse(calls.at(-1)?.body ?? "{}")).toEqual({ action: "read", kind: ["card"] });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(byClass(document.body, "cue-unread")).toHaveLength(0);
    expect((document.querySelector(".cue-badge") as FakeElement).textContent).toBe("1");
  });

  it("Escape closes the panel and returns to the bell, unless a modal is open", async () => {
    const { cue, document } = boot([card(13, { kind: "modal", title: "New" })]);
    await cue.init(auth);
    cue.open();
    document.dispatch("keydown", { key: "Escape" });
    expect(document.querySelector(".cue-modal")).toBeNull();
    expect(document.querySelector(".cue-panel")).not.toBeNull();
    document.dispatch("keydown", { key: "Escape" });
    expect(document.querySelector(".cue-panel")).toBeNull();
    expect(document.activeElement).toBe(document.querySelector(".cue-bell"));
  });

  it("destroy takes away what it added and stops the stream; init starts again clean", async () => {
    const modal = card(13, { kind: "modal", title: "New" });
    const { cue, calls, document, window } = boot([modal, card(11, { kind: "banner" })]);
    const errors: unknown[] = [];
    await cue.init({ ...auth, onError: (e: unknown) => errors.push(e) });
    expect(document.querySelector(".cue-modal")).not.toBeNull();
    (window.Cue as { destroy(): void }).destroy();
    expect(document.body.children).toEqual([]);
    expect(FakeEventSource.instances[0]?.readyState).toBe(2);
    const sent = calls.length;
    document.dispatch("keydown", { key: "Escape" });
    expect(calls).toHaveLength(sent);

    await cue.init(auth);
    expect(byClass(document.body, "cue-root")).toHaveLength(1);
    expect(byClass(document.body, "cue-modal")).toHaveLength(1);
    expect(FakeEventSource.instances).toHaveLength(2);
    expect(errors).toEqual([]);
  });

  it("tracks with the write key in a text/plain body (no CORS preflight)", async () => {
    const { cue, calls } = boot();
    await cue.init(auth);
    await cue.track("Report Created", { report_id: 7 });
    const call = calls.at(-1);
    expect(call?.url).toBe("https://cue.test/api/v1/track");
    expect(call?.headers).toEqual({ "Content-Type": "text/plain" });
    expect(call?.mode).toBe("no-cors");
    expect(JSON.parse(call?.body ?? "{}")).toMatchObject({
      writeKey: "wk_1",
      userId: "ada",
      event: "Report Created",
      properties: { report_id: 7 },
    });
  });

  it("with a token, authenticates by bearer and tracks as the token's user", async () => {
    const payload = Buffer.from(JSON.stringify({ w: "ws", u: "grace", exp: 9e9 })).toString(
      "base64url",
    );
    const { cue, calls } = boot();
    await cue.init({ host: "https://cue.test", writeKey: "wk_1", token: `${payload}.sig` });
    expect(calls[0]?.headers.Authorization).toBe(`Bearer ${payload}.sig`);
    expect(new URL(FakeEventSource.instances[0]?.url ?? "").searchParams.get("token")).toBe(
      `${payload}.sig`,
    );
    await cue.track("Logged In");
    expect(JSON.parse(calls.at(-1)?.body ?? "{}").userId).toBe("grace");
  });
});
