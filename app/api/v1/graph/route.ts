// GET /api/v1/graph[?type=person&type=organization][&from=2004&to=2010][&comentions=1][&limit=60]:
// published entities (nodes) and published relations (edges), optionally co-mentions.
import { paramsOf } from "@/lib/explore/params";
import { route } from "@/lib/api/handler";
import { getNetwork } from "@/lib/network/data";
import { networkQuerySchema, toNetworkFilter } from "@/lib/network/schemas";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => getNetwork(toNetworkFilter(networkQuerySchema.parse(paramsOf(new URL(req.url).searchParams)))));
