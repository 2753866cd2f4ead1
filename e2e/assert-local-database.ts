// e2e tests create members and rotate keys. They must never touch a shared or
// production database, so anything but a loopback host is refused outright.
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

export function assertLocalDatabase(url: string | undefined): void {
  if (!url) return; // the e2e server starts its own embedded database
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    throw new Error("Refusing to run e2e: DATABASE_URL is not a valid URL.");
  }
  if (!LOCAL_HOSTS.has(host)) {
    throw new Error(`Refusing to run e2e against a non-local database (${host}).`);
  }
}
