// The Prisma client (driver adapter over node-postgres). Only lib/**/data.ts and
// lib/db import this.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";
import { databaseUrl, env } from "../env";

export type { Prisma } from "./generated/client";
export { PrismaClient };

const globalForPrisma = globalThis as unknown as { sijillPrisma?: PrismaClient; sijillPrismaUrl?: string };

export function createPrismaClient(url: string = databaseUrl()): PrismaClient {
  const adapter = new PrismaPg({ connectionString: url, max: env().DATABASE_POOL_SIZE });
  return new PrismaClient({ adapter });
}

/** The process-wide client (reused across hot reloads in development). */
export function db(): PrismaClient {
  const url = databaseUrl();
  if (!globalForPrisma.sijillPrisma || globalForPrisma.sijillPrismaUrl !== url) {
    globalForPrisma.sijillPrisma = createPrismaClient(url);
    globalForPrisma.sijillPrismaUrl = url;
  }
  return globalForPrisma.sijillPrisma;
}

export async function disconnectDb(): Promise<void> {
  await globalForPrisma.sijillPrisma?.$disconnect();
  globalForPrisma.sijillPrisma = undefined;
}
