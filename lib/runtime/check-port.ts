import net from "node:net";
import { StartupError } from "@/lib/startup-error";

/** Fails fast, before the database starts, when the port is taken. */
export async function assertPortFree(port: number, host?: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? portInUse(port)
          : new StartupError(`Cannot listen on port ${port}: ${error.message}`),
      );
    });
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

export function portInUse(port: number): StartupError {
  return new StartupError(`Port ${port} is already in use. Stop the other server or set PORT.`);
}

export function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === "") return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new StartupError(`PORT must be a number from 1 to 65535, got "${value}".`);
  }
  return port;
}
