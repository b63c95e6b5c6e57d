import { notFound, route } from "@/lib/api/handler";
import { getPublishedArticle } from "@/lib/articles/data";

export const dynamic = "force-dynamic";

export const GET = route<{ idOrSlug: string }>(async (_req, { params }) => {
  const article = await getPublishedArticle(decodeURIComponent(params.idOrSlug));
  if (!article) notFound("No such article.");
  return { data: article };
});
