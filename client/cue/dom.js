// Small helpers: elements, safe URLs, times, ids, tokens, path patterns.
import { cfg } from "./state.js";

const currentScript = document.currentScript;

export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = String(text);
  return node;
}

export function button(className, text, label, onClick) {
  const b = el("button", className, text);
  b.type = "button";
  if (label) b.setAttribute("aria-label", label);
  b.addEventListener("click", (event) => {
    event.stopPropagation();
    onClick(event);
  });
  return b;
}

export function safeUrl(url) {
  if (typeof url !== "string") return null;
  return /^https?:\/\//i.test(url) || /^\/(?![/\\])/.test(url) ? url : null;
}

export function expired(item) {
  return item.expires_at && Date.parse(item.expires_at) <= Date.now();
}

export function ago(iso) {
  const s = Math.max(0, (Date.now() - Date.parse(iso)) / 1000);
  if (s < 60) return "just now";
  if (s < 3600) return `${Math.floor(s / 60)}m ago`;
  if (s < 86400) return `${Math.floor(s / 3600)}h ago`;
  if (s < 604800) return `${Math.floor(s / 86400)}d ago`;
  return new Date(iso).toLocaleDateString();
}

export function uuid() {
  const crypto = window.crypto || {};
  if (crypto.randomUUID) return crypto.randomUUID();
  return `cue-${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export function tokenUserId(token) {
  try {
    const bytes = window.atob(token.split(".")[0].replace(/-/g, "+").replace(/_/g, "/"));
    const array = Uint8Array.from(bytes, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder().decode(array)).u;
  } catch (_e) {
    return null;
  }
}

export function scriptHost() {
  try {
    const src = (currentScript || {}).src;
    return src ? new URL(src).origin : "";
  } catch (_e) {
    return "";
  }
}

// Simple glob over location.pathname: `*` matches anything, the rest is literal.
export function pathMatches(pattern) {
  if (!pattern) return true;
  const source = pattern
    .split("*")
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
    .join(".*");
  return new RegExp(`^${source}$`).test(window.location.pathname);
}

export function report(error) {
  const onError = (cfg || {}).onError;
  if (onError) onError(error);
  else if (window.console) window.console.warn("[cue]", error);
}
