// GET /api/v1/timeline[?entity=<slug or id>]: published events with their span and sources.
import { paramsOf } from "@/lib/explore/params";
import { notFound, route } from "@/lib/api/handler";
import { getTimeline } from "@/lib/timeline/data";
import { timelineQuerySchema } from "@/lib/timeline/schemas";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = timelineQuerySchema.parse(paramsOf(new URL(req.url).searchParams));
  return (await getTimeline(q.entity)) ?? notFound("No published entity has this slug or id.");
});
