// GET /api/v1/search?q=…&type=&year=&outlet=&entity=&page=&limit= — published articles and
// entities only, Arabic-aware (see lib/search).
import { route, searchParams } from "@/lib/api/handler";
import { searchQuerySchema } from "@/lib/search/schemas";
import { searchPublic } from "@/lib/search/data";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => searchPublic(searchQuerySchema.parse(searchParams(req))));
