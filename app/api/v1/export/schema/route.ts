// GET /api/v1/export/schema — the export file format as a JSON Schema (draft 2020-12),
// generated from the zod schema the importer checks files with (lib/export/schema.ts).
import { NextResponse } from "next/server";
import { route } from "@/lib/api/handler";
import { exportJsonSchema } from "@/lib/export/schema";

export const dynamic = "force-dynamic";

export const GET = route(async () =>
  NextResponse.json(exportJsonSchema(), {
    headers: { "Content-Type": "application/schema+json; charset=utf-8", "Cache-Control": "public, max-age=3600" },
  }),
);
