// Brings a database to a ready state: migrations, the seeded ICI dossier, the first
// admin. Used by `npm start`, `npm run seed` and the test harness.
import path from "node:path";
import { applyMigrations } from "../db/schema-engine";
import { prepareSeed, readSeedFiles, type PreparedSeed } from "../seed/prepare";
import { applySeed, type SeedOutcome } from "../seed/data";
import { ensureFirstAdmin } from "../users/data";
import { indexMissingSearchDocuments } from "../search/data";
import { generatePassword } from "../auth/password";
import { ROOT } from "./generate";

export async function loadSeed(seedDir = path.join(ROOT, "seeds")): Promise<PreparedSeed> {
  const { json, texts } = await readSeedFiles(seedDir);
  return prepareSeed(json, texts);
}

export type PrepareResult = { migrations: string[]; seed: SeedOutcome; admin: { email: string; password: string } | null };

export async function prepareDatabase(opts: {
  url: string;
  seed: PreparedSeed;
  adminEmail: string;
  adminPassword?: string;
}): Promise<PrepareResult> {
  const { applied } = await applyMigrations(opts.url);
  const seed = await applySeed(opts.seed);
  // a database from before the search index (or loaded in bulk) gets its missing rows
  await indexMissingSearchDocuments();
  const password = opts.adminPassword ?? generatePassword();
  const { created } = await ensureFirstAdmin(opts.adminEmail, password);
  return { migrations: applied, seed, admin: created ? { email: opts.adminEmail, password } : null };
}
