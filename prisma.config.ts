// Prisma CLI configuration. The CLI is always run through `npm run prisma -- …`
// (scripts/prisma.mjs), which points PRISMA_SCHEMA_ENGINE_BINARY at the project's
// WebAssembly schema engine, so no engine binary is ever downloaded.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    // generate needs no database; migrate commands get the URL from scripts/prisma.mjs
    url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/sijill",
  },
});
