// Server-side rendering of a validated tiptap document to React elements. Only the
// node and mark types of the shared extension list are rendered; anything else is
// dropped (validation refuses it on save anyway), and no raw HTML is ever injected.
//
// Highlights are ranges of the document's plain text (docToPlainText: text blocks
// joined by a blank line), so mention and annotation anchors can be drawn in place.
import type { ReactNode } from "react";
import type { RichTextNode } from "./document";

export type Highlight = {
  start: number;
  end: number;
  /** link target of the highlighted words */
  href?: string;
  /** accessible label: what the passage is linked to */
  label: string;
  /** data-type attribute (entity type) for colouring */
  kind?: string;
  /** "mention" (a linked entity, the default) or "note" (a public annotation) */
  variant?: "mention" | "note";
};

type Ctx = { pos: number; highlights: Highlight[] };

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function wrapMarks(content: ReactNode, marks: RichTextNode["marks"], key: string): ReactNode {
  let out = content;
  for (const [i, m] of (marks ?? []).entries()) {
    const k = `${key}m${i}`;
    if (m.type === "bold") out = <strong key={k}>{out}</strong>;
    else if (m.type === "italic") out = <em key={k}>{out}</em>;
    else if (m.type === "link" && SAFE_HREF.test(String(m.attrs?.href ?? ""))) {
      out = (
        <a key={k} href={String(m.attrs?.href)} rel="noopener noreferrer nofollow">
          {out}
        </a>
      );
    }
  }
  return out;
}

/** Split one text node at highlight boundaries. */
function renderText(text: string, marks: RichTextNode["marks"], ctx: Ctx, key: string): ReactNode[] {
  const from = ctx.pos;
  const to = from + text.length;
  ctx.pos = to;
  const parts: ReactNode[] = [];
  let cursor = from;
  const hs = ctx.highlights.filter((h) => h.end > from && h.start < to).sort((a, b) => a.start - b.start);
  for (const [i, h] of hs.entries()) {
    const s = Math.max(h.start, cursor);
    const e = Math.min(h.end, to);
    if (e <= s) continue;
    if (s > cursor) parts.push(wrapMarks(text.slice(cursor - from, s - from), marks, `${key}t${i}`));
    const words = wrapMarks(text.slice(s - from, e - from), marks, `${key}h${i}`);
    parts.push(
      <mark key={`${key}k${i}`} className={h.variant === "note" ? "note" : "mention"} data-type={h.kind} data-start={h.start} data-end={h.end} title={h.label}>
        {h.href ? (
          <a href={h.href} aria-label={`${text.slice(s - from, e - from)} — ${h.label}`}>
            {words}
          </a>
        ) : (
          words
        )}
      </mark>,
    );
    cursor = e;
  }
  if (cursor < to) parts.push(wrapMarks(text.slice(cursor - from), marks, `${key}r`));
  return parts;
}

function dirOf(n: RichTextNode): "rtl" | "ltr" | "auto" | undefined {
  const d = n.attrs?.dir;
  return d === "rtl" || d === "ltr" || d === "auto" ? d : undefined;
}

function isTextBlock(n: RichTextNode): boolean {
  const kids = n.content ?? [];
  return n.type === "paragraph" || n.type === "heading" || (kids.length > 0 && kids.every((k) => k.type === "text" || k.type === "hardBreak"));
}

function renderInline(n: RichTextNode, ctx: Ctx, key: string): ReactNode {
  if (n.type === "text") return <span key={key}>{renderText(n.text ?? "", n.marks, ctx, key)}</span>;
  if (n.type === "hardBreak") {
    ctx.pos += 1;
    return <br key={key} />;
  }
  return null;
}

function renderBlock(n: RichTextNode, ctx: Ctx, key: string, first: { value: boolean }): ReactNode {
  const dir = dirOf(n);
  if (isTextBlock(n)) {
    if (!first.value) ctx.pos += 2; // the blank line between blocks in the plain text
    first.value = false;
    const kids = (n.content ?? []).map((c, i) => renderInline(c, ctx, `${key}-${i}`));
    if (n.type === "heading") {
      const level = Number(n.attrs?.level);
      const Tag = level === 3 ? "h3" : level === 4 ? "h4" : "h2";
      return <Tag key={key} dir={dir}>{kids}</Tag>;
    }
    return <p key={key} dir={dir}>{kids}</p>;
  }
  const kids = (n.content ?? []).map((c, i) => renderBlock(c, ctx, `${key}-${i}`, first));
  switch (n.type) {
    case "doc":
      return <>{kids}</>;
    case "blockquote":
      return <blockquote key={key} dir={dir}>{kids}</blockquote>;
    case "bulletList":
      return <ul key={key}>{kids}</ul>;
    case "orderedList":
      return <ol key={key}>{kids}</ol>;
    case "listItem":
      return <li key={key} dir={dir}>{kids}</li>;
    default:
      return null;
  }
}

export function RichText({ doc, className, highlights = [] }: { doc: RichTextNode | null | undefined; className?: string; highlights?: Highlight[] }) {
  if (!doc) return null;
  return <div className={className}>{renderBlock(doc, { pos: 0, highlights }, "n", { value: true })}</div>;
}
