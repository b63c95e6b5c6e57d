import { route } from "@/lib/api/handler";
import { checkDatabase } from "@/lib/db/health";

export const dynamic = "force-dynamic";

export const GET = route(async () => {
  const database = await checkDatabase();
  return { status: database.ok ? "ok" : "degraded", database };
});
