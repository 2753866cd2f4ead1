// Browser-side fetch for Cue's JSON APIs: unwraps the error envelope into an
// Error whose message is the server's, with the code and field issues kept.
export class ApiClientError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** Field → message, from a validation_failed envelope. */
  get fieldErrors(): Record<string, string> {
    const issues = (this.details as { issues?: { field: string; message: string }[] } | undefined)
      ?.issues;
    return Object.fromEntries((issues ?? []).map((i) => [i.field, i.message]));
  }
}

export async function fetchJson<T>(url: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(url, {
    ...init,
    headers: { "content-type": "application/json", ...init.headers },
  });
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const error = body?.error ?? {};
    throw new ApiClientError(
      error.message ?? `Request failed (${response.status}).`,
      response.status,
      error.code ?? "unknown",
      error.details,
    );
  }
  return body as T;
}
