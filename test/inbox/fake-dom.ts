// Just enough DOM to run public/cue.js in a vm context: elements that record
// whether they were given text or HTML, a fetch and an EventSource that the
// test drives. No browser is installed in CI, so this stands in for one.

type Listener = (event: FakeEvent) => void;
export interface FakeEvent {
  type: string;
  target: unknown;
  key?: string;
  shiftKey?: boolean;
  data?: string;
  stopPropagation(): void;
  preventDefault(): void;
}

class Listeners {
  private map = new Map<string, Listener[]>();
  addEventListener(type: string, fn: Listener) {
    this.map.set(type, [...(this.map.get(type) ?? []), fn]);
  }
  removeEventListener(type: string, fn: Listener) {
    this.map.set(
      type,
      (this.map.get(type) ?? []).filter((f) => f !== fn),
    );
  }
  dispatch(type: string, extra: Partial<FakeEvent> = {}, target: unknown = this) {
    const event: FakeEvent = { type, target, stopPropagation() {}, preventDefault() {}, ...extra };
    for (const fn of this.map.get(type) ?? []) fn(event);
  }
}

export class FakeElement extends Listeners {
  children: FakeElement[] = [];
  parent: FakeElement | null = null;
  attrs = new Map<string, string>();
  style: Record<string, unknown> = { setProperty() {} };
  className = "";
  id = "";
  hidden = false;
  tabIndex = -1;
  type = "";
  src = "";
  alt = "";
  href = "";
  offsetWidth = 280;
  ownText = "";
  html: string | null = null;
  constructor(
    readonly tagName: string,
    private readonly doc: FakeDocument,
  ) {
    super();
  }
  get textContent(): string {
    return this.ownText + this.children.map((c) => c.textContent).join("");
  }
  set textContent(value: string) {
    this.children = [];
    this.ownText = value;
    this.html = null;
  }
  get innerHTML(): string {
    return this.html ?? "";
  }
  set innerHTML(value: string) {
    this.children = [];
    this.ownText = "";
    this.html = value;
  }
  get firstChild() {
    return this.children[0] ?? null;
  }
  appendChild(child: FakeElement) {
    child.remove();
    child.parent = this;
    this.children.push(child);
    return child;
  }
  insertBefore(child: FakeElement, before: FakeElement | null) {
    child.remove();
    child.parent = this;
    const index = before ? this.children.indexOf(before) : -1;
    if (index === -1) this.children.push(child);
    else this.children.splice(index, 0, child);
    return child;
  }
  remove() {
    if (!this.parent) return;
    this.parent.children = this.parent.children.filter((c) => c !== this);
    this.parent = null;
  }
  setAttribute(name: string, value: unknown) {
    this.attrs.set(name, String(value));
  }
  getAttribute(name: string) {
    return this.attrs.get(name) ?? null;
  }
  descendants(): FakeElement[] {
    return this.children.flatMap((c) => [c, ...c.descendants()]);
  }
  querySelector(selector: string) {
    return this.descendants().find((e) => matches(e, selector)) ?? null;
  }
  querySelectorAll(selector: string) {
    return this.descendants().filter((e) => matches(e, selector));
  }
  contains(node: unknown): boolean {
    for (let n = node as FakeElement | null; n; n = n.parent) if (n === this) return true;
    return false;
  }
  focus() {
    this.doc.activeElement = this;
  }
  click() {
    this.dispatch("click", {}, this);
  }
  getBoundingClientRect() {
    return { left: 100, top: 50, bottom: 80, right: 200, width: 100, height: 30 };
  }
  get isConnected(): boolean {
    return this.doc.documentElement.contains(this);
  }
}

function matches(e: FakeElement, selector: string): boolean {
  return selector.split(",").some((one) => {
    const s = one.trim();
    if (s.startsWith("#")) return e.id === s.slice(1);
    if (s.startsWith(".")) return e.className.split(" ").includes(s.slice(1));
    if (s === "a[href]") return e.tagName === "a" && e.href !== "";
    return e.tagName === s;
  });
}

export class FakeDocument extends Listeners {
  activeElement: FakeElement | null = null;
  title = "Test page";
  currentScript = null;
  documentElement: FakeElement;
  head: FakeElement;
  body: FakeElement;
  constructor() {
    super();
    this.documentElement = new FakeElement("html", this);
    this.documentElement.offsetWidth = 1200;
    this.head = this.documentElement.appendChild(new FakeElement("head", this));
    this.body = this.documentElement.appendChild(new FakeElement("body", this));
  }
  createElement(tag: string) {
    return new FakeElement(tag, this);
  }
  getElementById(id: string) {
    return this.documentElement.querySelector(`#${id}`);
  }
  querySelector(selector: string) {
    return this.documentElement.querySelector(selector);
  }
}

export class FakeEventSource {
  static instances: FakeEventSource[] = [];
  readyState = 1;
  onopen: (() => void) | null = null;
  onerror: (() => void) | null = null;
  private listeners = new Listeners();
  constructor(readonly url: string) {
    FakeEventSource.instances.push(this);
  }
  addEventListener(type: string, fn: Listener) {
    this.listeners.addEventListener(type, fn);
  }
  close() {
    this.readyState = 2;
  }
  emit(type: string, data: unknown) {
    this.listeners.dispatch(type, { data: JSON.stringify(data) });
  }
}

export interface FetchCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  mode?: string;
}

export function createBrowser(respond: (call: FetchCall) => unknown) {
  const document = new FakeDocument();
  Object.defineProperty(document.documentElement, "clientWidth", { value: 1200 });
  const calls: FetchCall[] = [];
  const windowListeners = new Listeners();
  const location = { pathname: "/", origin: "https://app.test", href: "https://app.test/" };
  const history = {
    pushState(_state: unknown, _title: string, url: string) {
      location.pathname = url;
    },
    replaceState(_state: unknown, _title: string, url: string) {
      location.pathname = url;
    },
  };
  const fetch = async (
    url: string,
    init: { method?: string; headers?: Record<string, string>; body?: string; mode?: string },
  ) => {
    const call = {
      url,
      method: init.method ?? "GET",
      headers: init.headers ?? {},
      body: init.body,
      mode: init.mode,
    };
    calls.push(call);
    const body = respond(call);
    return { ok: true, status: 200, json: async () => body };
  };
  const window: Record<string, unknown> = {
    document,
    location,
    history,
    fetch,
    EventSource: FakeEventSource,
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (t: NodeJS.Timeout) => clearTimeout(t),
    console,
    crypto: globalThis.crypto,
    atob,
    scrollX: 0,
    scrollY: 0,
    addEventListener: windowListeners.addEventListener.bind(windowListeners),
    removeEventListener: windowListeners.removeEventListener.bind(windowListeners),
    dispatchEvent: (event: { type: string }) => windowListeners.dispatch(event.type),
  };
  window.window = window;
  class Event {
    constructor(readonly type: string) {}
  }
  return { window, document, calls, Event };
}
