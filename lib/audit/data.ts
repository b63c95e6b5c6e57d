import "server-only";
import type { Prisma } from "../db/generated/client";
import { db } from "../db/client";

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
