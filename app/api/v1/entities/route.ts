import { z } from "zod";
import { route, searchParams } from "@/lib/api/handler";
import { pageQuerySchema } from "@/lib/api/paging";
import { ENTITY_TYPES, listPublishedEntities } from "@/lib/entities/data";

export const dynamic = "force-dynamic";

const querySchema = pageQuerySchema.extend({
  type: z.enum(ENTITY_TYPES, { error: "type must be person, organization, event or place" }).optional(),
});

export const GET = route(async (req) => listPublishedEntities(querySchema.parse(searchParams(req))));
