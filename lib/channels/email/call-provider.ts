import "server-only";
import { errorText } from "@/lib/log/error-text";
import { recordProviderCall } from "@/lib/metrics/record";
import type { ProviderError } from "./retry-policy";

// One call to Resend, single or batch: under the caller's timeout, with the
// SDK's answer (it does not throw on HTTP errors) or a thrown reset / abort
// turned into the same shape, and counted in the metrics.

interface SdkAnswer<D> {
  data: D | null;
  error: ProviderError | null;
  headers: Record<string, string> | null;
}

export async function callProvider<D>(
  timeoutMs: number,
  send: (signal: AbortSignal) => Promise<SdkAnswer<D>>,
): Promise<SdkAnswer<D> & { timedOut: boolean }> {
  const signal = AbortSignal.timeout(timeoutMs);
  const startedAt = performance.now();
  let answer: SdkAnswer<D> & { timedOut: boolean };
  try {
    const response = await send(signal);
    answer = {
      data: response.data,
      error: response.error,
      headers: response.headers,
      timedOut: signal.aborted,
    };
  } catch (error) {
    answer = {
      data: null,
      error: { message: errorText(error), statusCode: null },
      headers: null,
      timedOut: signal.aborted,
    };
  }
  recordProviderCall(answer, startedAt);
  return answer;
}
