import "server-only";
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPrivateAddress, privateTargetsAllowed } from "./private-network";

// One webhook POST over node:http(s). The private-network rule is applied
// to the address the socket actually connects to (the `lookup` hook), so DNS
// cannot point an allowed name at an internal address between a check and
// the connection. Redirects are not followed.

export const WEBHOOK_TIMEOUT_MS = 15_000;
const SNIPPET_BYTES = 1_024;

export interface PostResult {
  statusCode: number | null;
  headers: IncomingHttpHeaders;
  /** First KB of the response body. */
  body: string;
  error: string | null;
  /** Refused by the private-network rule (never retried). */
  refused: boolean;
  durationMs: number;
}

export class PrivateAddressError extends Error {
  constructor(address: string) {
    super(
      `Refused: the URL resolves to ${address}, a private or reserved address (set CUE_WEBHOOKS_ALLOW_PRIVATE=1 to allow).`,
    );
    this.name = "PrivateAddressError";
  }
}

const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, "", 0);
    const refused = addresses.find((a) => isPrivateAddress(a.address));
    if (refused) return callback(new PrivateAddressError(refused.address), "", 0);
    if (options.all)
      return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    const first = addresses[0];
    return callback(null, first.address, first.family);
  });
};

export async function postWebhook(input: {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs?: number;
  /** POST when omitted (event webhooks); webhook steps choose theirs. */
  method?: string;
}): Promise<PostResult> {
  const started = performance.now();
  const done = (part: Omit<PostResult, "durationMs">): PostResult => ({
    ...part,
    durationMs: Math.round(performance.now() - started),
  });
  const url = new URL(input.url);
  const allowPrivate = privateTargetsAllowed();
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (!allowPrivate && isIP(literal) && isPrivateAddress(literal)) {
    const error = new PrivateAddressError(literal);
    return done({ statusCode: null, headers: {}, body: "", error: error.message, refused: true });
  }
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const timeoutMs = input.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise<PostResult>((resolve) => {
    let settled = false;
    let deadline: NodeJS.Timeout | undefined;
    const finish = (part: Omit<PostResult, "durationMs">) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      resolve(done(part));
    };
    const fail = (error: Error) =>
      finish({
        statusCode: null,
        headers: {},
        body: "",
        error: error.message,
        refused: error instanceof PrivateAddressError,
      });
    const req = send(
      url,
      {
        method: input.method ?? "POST",
        headers: {
          ...input.headers,
          ...(input.body !== "" || (input.method ?? "POST") === "POST"
            ? { "content-type": "application/json" }
            : {}),
          "content-length": String(Buffer.byteLength(input.body)),
          "user-agent": "Cue-Webhooks/1.0",
        },
        ...(allowPrivate ? {} : { lookup: guardedLookup }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const answer = () => {
          finish({
            statusCode: res.statusCode ?? null,
            headers: res.headers,
            body: Buffer.concat(chunks).subarray(0, SNIPPET_BYTES).toString("utf8"),
            error: null,
            refused: false,
          });
          // The rest of a long answer is not read.
          res.destroy();
        };
        res.on("data", (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= SNIPPET_BYTES) answer();
        });
        res.on("end", answer);
        res.on("error", fail);
      },
    );
    // One deadline for the whole exchange (connect, send, answer), not an idle timeout.
    deadline = setTimeout(() => {
      const error = new Error(`Timed out after ${timeoutMs} ms.`);
      fail(error);
      req.destroy(error);
    }, timeoutMs);
    req.on("error", fail);
    req.end(input.body);
  });
}
