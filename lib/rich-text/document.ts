// Rich text documents (tiptap JSON): validation against the shared schema, plain
// text extraction, and building documents from imported paragraphs.
import { Node as PMNode } from "@tiptap/pm/model";
import { z } from "zod";
import { richTextSchema } from "./extensions";

export type RichTextMark = { type: string; attrs?: Record<string, unknown> };
export type RichTextNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: RichTextMark[];
  text?: string;
};
export type RichTextDoc = RichTextNode & { type: "doc" };

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

/** Throws a readable Error when `json` is not a document the schema accepts. */
export function assertValidDoc(json: unknown): asserts json is RichTextDoc {
  if (!json || typeof json !== "object" || (json as RichTextNode).type !== "doc") {
    throw new Error("Rich text must be a document (type \"doc\")");
  }
  let node: PMNode;
  try {
    node = PMNode.fromJSON(richTextSchema(), json as Record<string, unknown>);
    node.check();
  } catch (e) {
    throw new Error(`Rich text is not valid: ${(e as Error).message}`);
  }
  node.descendants((n) => {
    for (const mark of n.marks) {
      if (mark.type.name === "link" && !SAFE_HREF.test(String(mark.attrs.href ?? ""))) {
        throw new Error("Rich text is not valid: links must be http(s) or mailto");
      }
    }
  });
}

/** zod schema for a rich text field: the same check on forms, actions and API. */
export const richTextDocSchema = z.custom<RichTextDoc>((value) => {
  try {
    assertValidDoc(value);
    return true;
  } catch {
    return false;
  }
}, "Rich text is not a valid document");

export function docFromParagraphs(paragraphs: string[], opts: { dir?: "rtl" | "ltr" } = {}): RichTextDoc {
  return {
    type: "doc",
    content: paragraphs
      .filter((p) => p.trim() !== "")
      .map((p) => ({
        type: "paragraph",
        ...(opts.dir ? { attrs: { dir: opts.dir } } : {}),
        content: [{ type: "text", text: p }],
      })),
  };
}

export function docFromText(text: string, opts: { dir?: "rtl" | "ltr" } = {}): RichTextDoc {
  return docFromParagraphs(text.split(/\n\s*\n/), opts);
}

/** Plain text of a document: blocks separated by a blank line (the anchoring text). */
export function docToPlainText(doc: RichTextNode): string {
  const blocks: string[] = [];
  const inline = (n: RichTextNode): string =>
    n.type === "text" ? (n.text ?? "") : n.type === "hardBreak" ? "\n" : (n.content ?? []).map(inline).join("");
  const walk = (n: RichTextNode) => {
    const kids = n.content ?? [];
    if (kids.length > 0 && kids.every((k) => k.type === "text" || k.type === "hardBreak")) {
      blocks.push(inline(n));
    } else if (n.type === "paragraph" || n.type === "heading") {
      blocks.push(inline(n));
    } else {
      kids.forEach(walk);
    }
  };
  walk(doc);
  return blocks.join("\n\n");
}
