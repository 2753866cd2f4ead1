import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

// The one Prisma client of this process. DATABASE_URL is set by the start
// script (embedded PostgreSQL) or by the operator (production), before any
// query runs, so the client is created lazily on first use.
const globalForPrisma = globalThis as unknown as { cuePrisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set; start Cue with `npm start` or set it explicitly.");
  }
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 20),
  });
  return new PrismaClient({ adapter });
}

export function getPrisma(): PrismaClient {
  globalForPrisma.cuePrisma ??= createClient();
  return globalForPrisma.cuePrisma;
}

// `prisma.x.findMany(...)` reads naturally at call sites; the proxy defers
// creation until the first property access.
export const prisma: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getPrisma();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export async function disconnectPrisma(): Promise<void> {
  await globalForPrisma.cuePrisma?.$disconnect();
  globalForPrisma.cuePrisma = undefined;
}
