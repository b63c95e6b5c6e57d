import { route, searchParams } from "@/lib/api/handler";
import { pageQuerySchema } from "@/lib/api/paging";
import { listPublishedArticles } from "@/lib/articles/data";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => listPublishedArticles(pageQuerySchema.parse(searchParams(req))));
