import { notFound, route } from "@/lib/api/handler";
import { getPublishedDossier } from "@/lib/dossiers/data";

export const dynamic = "force-dynamic";

export const GET = route<{ slug: string }>(async (_req, { params }) => {
  const dossier = await getPublishedDossier(decodeURIComponent(params.slug));
  if (!dossier) notFound("No such dossier.");
  return { data: dossier };
});
