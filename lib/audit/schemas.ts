import { z } from "zod";

const blank = (v: unknown) => (v === "" ? undefined : v);

export const auditQuerySchema = z.object({
  actor: z.preprocess(blank, z.string().max(64).optional()).catch(undefined),
  /** an action or an action prefix: "auth.", "article.publish" */
  action: z.preprocess(blank, z.string().max(80).regex(/^[a-z_.]+$/).optional()).catch(undefined),
  recordType: z.preprocess(blank, z.enum(["article", "entity", "relation", "annotation", "dossier", "mention", "user"]).optional()).catch(undefined),
  recordId: z.preprocess(blank, z.string().max(64).optional()).catch(undefined),
  from: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()).catch(undefined),
  to: z.preprocess(blank, z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional()).catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  pageSize: z.coerce.number().int().min(10).max(200).default(50).catch(50),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;
