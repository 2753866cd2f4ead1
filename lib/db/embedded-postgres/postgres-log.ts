export interface LogBuffer {
  push(chunk: string): void;
  mark(): number;
  since(mark: number): string[];
  lastMeaningful(mark: number): string | undefined;
}

// Keeps recent postgres/initdb output so a failed start can name its cause.
export function createLogBuffer(limit = 200): LogBuffer {
  const lines: string[] = [];
  let dropped = 0;
  const since = (mark: number) => lines.slice(Math.max(0, mark - dropped));
  return {
    push(chunk) {
      for (const raw of chunk.split(/\r?\n/)) {
        const line = cleanLogLine(raw);
        if (line) lines.push(line);
      }
      const excess = lines.length - limit;
      if (excess > 0) {
        lines.splice(0, excess);
        dropped += excess;
      }
    },
    mark: () => dropped + lines.length,
    since,
    lastMeaningful(mark) {
      const recent = since(mark);
      const severe = recent.findLastIndex((line) => /\b(FATAL|PANIC|ERROR)\b|error:/.test(line));
      if (severe >= 0) return withContext(recent, severe);
      return recent.filter((line) => !/database system is shut down/.test(line)).at(-1);
    },
  };
}

// Postgres puts the useful part of some failures on a neighbouring line: the
// DETAIL after "database files are incompatible", or the LOG naming the bad
// setting before "configuration file ... contains errors".
function withContext(lines: string[], index: number): string {
  const line = lines[index];
  const next = lines[index + 1];
  const previous = lines[index - 1];
  if (next?.startsWith("DETAIL:")) return `${line} (${next.slice(7).trim()})`;
  if (/configuration file/.test(line) && previous?.startsWith("LOG:")) {
    return `${line} (${previous.slice(4).trim()})`;
  }
  return line;
}

// Drops the library's "[STDERR]" tag and postgres's "<timestamp> [pid] " prefix.
function cleanLogLine(raw: string): string {
  return raw
    .replace(/^\[STDERR\]\s*/, "")
    .replace(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:\.\d+)? \S+ \[\d+\] /, "")
    .replace(/\s+/g, " ")
    .trim();
}
