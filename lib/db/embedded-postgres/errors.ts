// One-line descriptions of errors, for StartupError messages.

export function firstLine(error: unknown): string {
  if (error === undefined || error === null) return "postgres exited without a message";
  const text = error instanceof Error ? error.message : String(error);
  return (
    text
      .split("\n")
      .find((line) => line.trim())
      ?.trim() ?? "unknown error"
  );
}

export function errorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error && typeof error.code === "string") {
    return error.code;
  }
  return undefined;
}
