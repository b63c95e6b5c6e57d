// One wrapper for every route handler: errors become JSON with the right status,
// expected errors keep their message, unexpected ones are logged and stay generic.
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, isAppError, statusOf } from "../errors";

export type RouteContext<P> = { params: Promise<P> };

export function errorResponse(e: unknown): NextResponse {
  if (isAppError(e)) {
    return NextResponse.json({ error: { code: e.code, message: e.userMessage } }, { status: e.status });
  }
  if (e instanceof z.ZodError) {
    const issue = e.issues[0];
    const where = issue.path.length ? `${issue.path.join(".")}: ` : "";
    return NextResponse.json({ error: { code: "bad_request", message: `${where}${issue.message}` } }, { status: statusOf("bad_request") });
  }
  console.error("[api] unexpected error", e);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong." } }, { status: 500 });
}

export function route<P = Record<string, never>>(
  fn: (req: Request, ctx: { params: P }) => Promise<unknown>,
): (req: Request, ctx: RouteContext<P>) => Promise<NextResponse> {
  return async (req, ctx) => {
    try {
      const params = ((await ctx?.params) ?? {}) as P;
      const out = await fn(req, { params });
      if (out instanceof NextResponse || out instanceof Response) return out as NextResponse;
      return NextResponse.json(out, { headers: { "Cache-Control": "public, max-age=0, must-revalidate" } });
    } catch (e) {
      return errorResponse(e);
    }
  };
}

export function searchParams(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}

export function notFound(what = "Not found"): never {
  throw new AppError("not_found", what);
}
