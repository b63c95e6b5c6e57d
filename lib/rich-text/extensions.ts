// The one extension list: the studio editor, the server-side validator and the
// renderer all use it, so what can be saved is exactly what can be shown.
import { Extension, getSchema, type AnyExtension } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

/** `dir` attribute (rtl / ltr / auto) on block nodes: mixed Arabic-English text. */
export const TextDirection = Extension.create({
  name: "sijillTextDirection",
  addGlobalAttributes() {
    return [
      {
        types: ["paragraph", "heading", "blockquote", "listItem"],
        attributes: {
          dir: {
            default: null,
            parseHTML: (el: HTMLElement) => {
              const d = el.getAttribute("dir");
              return d === "rtl" || d === "ltr" || d === "auto" ? d : null;
            },
            renderHTML: (attrs: Record<string, unknown>) => (attrs.dir ? { dir: attrs.dir } : {}),
          },
        },
      },
    ];
  },
});

export const richTextExtensions: AnyExtension[] = [
  StarterKit.configure({
    heading: { levels: [2, 3, 4] },
    codeBlock: false,
    code: false,
    horizontalRule: false,
    underline: false,
    strike: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["http", "https", "mailto"],
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  TextDirection,
];

let schema: ReturnType<typeof getSchema> | undefined;
export function richTextSchema() {
  schema ??= getSchema(richTextExtensions);
  return schema;
}
