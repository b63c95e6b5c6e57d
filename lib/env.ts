// The one place configuration is read (HOUSE-STYLE: no stray process.env).
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .url("DATABASE_URL must be a postgres:// URL")
    .refine((u) => /^postgres(ql)?:\/\//.test(u), "DATABASE_URL must start with postgres:// or postgresql://")
    .optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  /** port of the embedded PostgreSQL used when DATABASE_URL is unset */
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  /** where the embedded PostgreSQL and generated secrets live */
  SIJILL_DATA_DIR: z.string().default(".data"),
  /** folder holding ici-dossier.json and articles/ (default: seeds/ of the project) */
  SIJILL_SEED_DIR: z.string().optional(),
  AUTH_SECRET: z.string().min(32).optional(),
  /** public base URL (canonical links, sitemap) */
  SIJILL_PUBLIC_URL: z.string().url().optional(),
  ADMIN_EMAIL: z.string().email().default("admin@sijill.local"),
  /** the first admin's password; a random one is generated (and printed once) when unset */
  ADMIN_PASSWORD: z.string().min(12, "ADMIN_PASSWORD needs at least 12 characters").optional(),
  /** max connections of this instance's pool */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /** run the scheduled-publishing loop in this instance */
  SIJILL_SCHEDULER: z.enum(["on", "off"]).default("on"),
  /** how often the scheduler looks for due records, in seconds */
  SIJILL_SCHEDULER_INTERVAL: z.coerce.number().min(1).max(3600).default(15),
  /**
   * how far (in percent) V8 lets the heap (the server's, npm run export's) grow past its
   * live data before a full collection; V8's own choice is up to 4×, which let a long
   * export's garbage lift the process by ~250 MB (0 keeps V8's choice)
   */
  SIJILL_HEAP_GROWTH: z.coerce.number().int().min(0).max(300).default(50),
});

export type Env = z.infer<typeof schema>;

let cached: Env | undefined;

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new Error(`Invalid configuration: ${first.path.join(".")}: ${first.message}`);
  }
  return parsed.data;
}

export function env(): Env {
  cached ??= readEnv();
  return cached;
}

/** The database URL the app uses: DATABASE_URL, required at run time. */
export function databaseUrl(): string {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set (npm start sets it for the embedded PostgreSQL)");
  return url;
}
