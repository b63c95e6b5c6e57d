import { NextResponse } from "next/server";
import { notFound, route } from "@/lib/api/handler";
import { findEntityRedirect, getPublishedEntity } from "@/lib/entities/data";

export const dynamic = "force-dynamic";

export const GET = route<{ idOrSlug: string }>(async (req, { params }) => {
  const key = decodeURIComponent(params.idOrSlug);
  const entity = await getPublishedEntity(key);
  if (entity) return { data: entity };
  const moved = await findEntityRedirect(key);
  if (moved) return NextResponse.redirect(new URL(`/api/v1/entities/${encodeURIComponent(moved)}`, req.url), 308);
  notFound("No such entity.");
});
