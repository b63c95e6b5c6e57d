import { route, searchParams } from "@/lib/api/handler";
import { pageQuerySchema } from "@/lib/api/paging";
import { listPublishedDossiers } from "@/lib/dossiers/data";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => listPublishedDossiers(pageQuerySchema.parse(searchParams(req))));
