import "server-only";
import { hitRateLimit, peekRateLimit } from "./rate-limit";

// Failed sign-ins are limited per account and per IP, across all instances.
const WINDOW_SECONDS = 15 * 60;
export const MAX_FAILURES_PER_ACCOUNT = Number(process.env.SIGNIN_MAX_FAILURES ?? 10);
const MAX_FAILURES_PER_IP = MAX_FAILURES_PER_ACCOUNT * 5;

const accountKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `signin:ip:${ip}`;

export async function recordFailedSignIn(email: string, ip: string): Promise<void> {
  await Promise.all([
    hitRateLimit(accountKey(email), MAX_FAILURES_PER_ACCOUNT, WINDOW_SECONDS),
    hitRateLimit(ipKey(ip), MAX_FAILURES_PER_IP, WINDOW_SECONDS),
  ]);
}

/** Seconds to wait when the account or IP is locked out, else null. */
export async function signInBlockedFor(email: string, ip: string): Promise<number | null> {
  const [account, address] = await Promise.all([
    peekRateLimit(accountKey(email), MAX_FAILURES_PER_ACCOUNT, WINDOW_SECONDS),
    peekRateLimit(ipKey(ip), MAX_FAILURES_PER_IP, WINDOW_SECONDS),
  ]);
  if (account.allowed && address.allowed) return null;
  return Math.max(account.retryAfterSeconds, address.retryAfterSeconds);
}
