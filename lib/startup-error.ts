// A fault the operator must fix before Cue can run (port in use, database
// unreachable, data folder not writable, edited migration). The start script
// prints `message` as one line and exits 1 — never a stack trace.
export class StartupError extends Error {
  override name = "StartupError";
}

export function isStartupError(error: unknown): error is StartupError {
  return error instanceof StartupError;
}
