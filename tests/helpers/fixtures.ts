// Staff and content for integration tests, written through the real data layer.
import { createUser } from "@/lib/users/data";
import { createRecord } from "@/lib/records/data";
import type { Actor, Role } from "@/lib/auth/policy";
import type { RichTextDoc } from "@/lib/rich-text/document";

let n = 0;
export const PASSWORD = "a-long-enough-password";

export async function staff(role: Role): Promise<Actor & { email: string }> {
  const email = `${role}${++n}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const u = await createUser({ email, name: `${role} ${n}`, role, password: PASSWORD });
  return { id: u.id, role, email };
}

export const doc = (...paragraphs: string[]): RichTextDoc => ({
  type: "doc",
  content: paragraphs.map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
});

export function articleContent(title = `مقال ${++n}`, ...paragraphs: string[]) {
  return {
    title,
    titleEn: null,
    kicker: null,
    summary: null,
    body: doc(...(paragraphs.length ? paragraphs : ["افتتح حلف شمال الأطلسي مركزه الإقليمي في الكويت.", "وقال الأمين العام إن المبادرة ناجحة."])),
    outlet: "كونا",
    outletEn: "KUNA",
    url: null,
    language: "ar",
    publishedOn: "2017-01-24",
    byline: null,
  };
}

export function entityContent(nameEn = `Person ${++n}`) {
  return { type: "person", kind: null, nameAr: `شخص ${n}`, nameEn, aliases: [], descriptionAr: null, descriptionEn: null, start: null, end: null };
}

export function dossierContent(titleEn = `Dossier ${++n}`) {
  return { titleAr: `ملف ${n}`, titleEn, introAr: null, introEn: null, items: [] };
}

export async function draftArticle(actor: Actor, title?: string, ...paragraphs: string[]) {
  return createRecord(actor, "article", articleContent(title, ...paragraphs));
}
