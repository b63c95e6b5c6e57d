import "server-only";
import type { Prisma } from "../db/generated/client";
import { db } from "../db/client";
import { auditQuerySchema, type AuditQuery } from "./schemas";
import { authorize, type Actor } from "../auth/policy";

export type AuditInput = {
  actorId?: string | null;
  action: string;
  recordType?: Prisma.AuditEventCreateInput["recordType"];
  recordId?: string | null;
  ip?: string | null;
  details?: Prisma.InputJsonValue;
};

type Tx = Pick<ReturnType<typeof db>, "auditEvent">;

/** Write an audit event, inside the caller's transaction when one is given. */
export async function recordAudit(input: AuditInput, tx: Tx = db()): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: input.actorId ?? null,
      action: input.action,
      recordType: input.recordType ?? null,
      recordId: input.recordId ?? null,
      ip: input.ip ?? null,
      details: input.details,
    },
  });
}

export type AuditRow = { id: string; at: Date; actor: string | null; actorId: string | null; action: string; recordType: string | null; recordId: string | null; ip: string | null; details: unknown };

/** The audit log, newest first, filtered (callers authorize "audit.view"). */
export async function listAuditEvents(actor: Actor, raw: unknown): Promise<{ rows: AuditRow[]; total: number; actions: string[]; query: AuditQuery }> {
  authorize(actor, "audit.view");
  const q = auditQuerySchema.parse(raw);
  const where: Prisma.AuditEventWhereInput = {
    ...(q.actor ? { actorId: q.actor } : {}),
    ...(q.action ? (q.action.endsWith(".") ? { action: { startsWith: q.action } } : { action: q.action }) : {}),
    ...(q.recordType ? { recordType: q.recordType } : {}),
    ...(q.recordId ? { recordId: q.recordId } : {}),
    ...(q.from || q.to
      ? { at: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00Z`) } : {}), ...(q.to ? { lt: new Date(new Date(`${q.to}T00:00:00Z`).getTime() + 86_400_000) } : {}) } }
      : {}),
  };
  const [rows, total, actions] = await Promise.all([
    db().auditEvent.findMany({
      where,
      orderBy: [{ at: "desc" }, { id: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
      select: { id: true, at: true, actorId: true, action: true, recordType: true, recordId: true, ip: true, details: true, actor: { select: { name: true } } },
    }),
    db().auditEvent.count({ where }),
    db().auditEvent.findMany({ distinct: ["action"], select: { action: true }, orderBy: { action: "asc" } }),
  ]);
  return {
    rows: rows.map(({ actor, id, ...r }) => ({ ...r, id: id.toString(), actor: actor?.name ?? null })),
    total,
    actions: actions.map((a) => a.action),
    query: q,
  };
}
