// The one permissions table and the one gate. Every mutation calls authorize();
// pages call can() to decide what to show. Nothing else decides who may do what.
import { AppError } from "../errors";

export const ROLES = ["admin", "editor", "contributor"] as const;
export type Role = (typeof ROLES)[number];

export type Actor = { id: string; role: Role };

/** A record as far as the policy needs it: its author and its workflow state. */
export type PolicyRecord = { createdById?: string | null; state?: string | null };

type Rule = "all" | "own" | "never";

// action → role → rule. "own": only records the actor created (and, for edits,
// only while the record is a draft or in review). Every action here is enforced by
// a data-layer function; tests/integration/permissions.integration.test.ts runs each
// cell of this table through it. Actions join the table with the feature that needs them.
export const PERMISSIONS = {
  "studio.access": { admin: "all", editor: "all", contributor: "all" },
  "record.create": { admin: "all", editor: "all", contributor: "all" },
  "record.edit": { admin: "all", editor: "all", contributor: "own" },
  "record.delete": { admin: "all", editor: "all", contributor: "never" },
  "record.submit": { admin: "all", editor: "all", contributor: "own" },
  "record.request_changes": { admin: "all", editor: "all", contributor: "never" },
  "record.publish": { admin: "all", editor: "all", contributor: "never" },
  "record.unpublish": { admin: "all", editor: "all", contributor: "never" },
  "record.schedule": { admin: "all", editor: "all", contributor: "never" },
  "record.archive": { admin: "all", editor: "all", contributor: "never" },
  "record.restore_revision": { admin: "all", editor: "all", contributor: "own" },
  "article.import": { admin: "all", editor: "all", contributor: "all" },
  "annotation.create": { admin: "all", editor: "all", contributor: "all" },
  "mention.suggest": { admin: "all", editor: "all", contributor: "all" },
  "mention.decide": { admin: "all", editor: "all", contributor: "never" },
  "entity.merge": { admin: "all", editor: "all", contributor: "never" },
  "dossier.curate": { admin: "all", editor: "all", contributor: "never" },
  "export.drafts": { admin: "all", editor: "all", contributor: "all" },
  "audit.view": { admin: "all", editor: "never", contributor: "never" },
  "user.manage": { admin: "all", editor: "never", contributor: "never" },
  "user.change_own_password": { admin: "all", editor: "all", contributor: "all" },
} as const satisfies Record<string, Record<Role, Rule>>;

export type Action = keyof typeof PERMISSIONS;
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

export function can(actor: Actor | null | undefined, action: Action, record?: PolicyRecord): boolean {
  if (!actor) return false;
  const rule: Rule = PERMISSIONS[action][actor.role];
  if (rule === "all") return true;
  if (rule === "never") return false;
  // "own": a record the actor created; without a record (e.g. a list) the action
  // itself is allowed and the data layer scopes the rows to the actor.
  if (!record) return true;
  if (record.createdById !== actor.id) return false;
  if (action === "record.edit" || action === "record.submit" || action === "record.restore_revision") {
    return record.state === "draft" || record.state === "in_review" || record.state == null;
  }
  return true;
}

/** The gate: throws AppError("unauthenticated" | "forbidden") unless allowed. */
export function authorize(actor: Actor | null | undefined, action: Action, record?: PolicyRecord): Actor {
  if (!actor) throw new AppError("unauthenticated", "Please sign in.");
  if (!can(actor, action, record)) throw new AppError("forbidden", "You are not allowed to do this.");
  return actor;
}
