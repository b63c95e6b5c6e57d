// GET /api/v1/export — a collection as one JSON file (schema: /api/v1/export/schema),
// streamed as it is read.
//
//   ?dossier=<slug>         one dossier with its articles, entities, mentions, relations…
//   ?entityType=person      the entities of one type (person, organization, event, place)
//   (neither)               everything
//   &drafts=1               staff only: drafts, pending versions, internal annotations
//
// Without drafts=1 everyone, staff included, gets the published records only (the same
// file for all). drafts=1 asks for a staff export explicitly: without a session it is
// a 401, without the "export.drafts" permission a 403 — never a quietly public file
// the user would take for everything.
import { route, searchParams } from "@/lib/api/handler";
import { currentUser } from "@/lib/auth/session";
import { clientAddress } from "@/lib/auth/sign-in";
import { exportCollection } from "@/lib/export/data";
import { exportQuerySchema, scopeOfQuery, type ExportScope } from "@/lib/export/schema";

export const dynamic = "force-dynamic";

export const GET = route(async (req) => {
  const q = exportQuerySchema.parse(searchParams(req));
  const scope = scopeOfQuery(q);
  const actor = q.drafts ? await currentUser() : null;
  const chunks = exportCollection({ scope, includeDrafts: q.drafts, actor, ip: clientAddress(req.headers) });
  // the first chunk resolves the scope: an unknown dossier is a 404 here, not a broken download
  const first = await chunks.next();
  const encoder = new TextEncoder();
  let pending: IteratorResult<string> | null = first;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = pending ?? (await chunks.next());
        pending = null;
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (e) {
        console.error("[export] the export failed while streaming", e);
        controller.error(e);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": attachment(fileName(scope, q.drafts)),
      "Cache-Control": q.drafts ? "private, no-store" : "public, max-age=0, must-revalidate",
      "X-Content-Type-Options": "nosniff",
    },
  });
});

function fileName(scope: ExportScope, drafts: boolean): string {
  const what = scope === "all" ? "all" : (scope.dossier ?? scope.entityType ?? "all");
  return `sijill-${what}${drafts ? "-with-drafts" : ""}-${new Date().toISOString().slice(0, 10)}.json`;
}

/** attachment; filename="ascii fallback"; filename*=UTF-8''… (Arabic slugs keep their name) */
function attachment(name: string): string {
  const ascii = name.replace(/[^A-Za-z0-9._-]+/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
