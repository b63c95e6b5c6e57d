"use client";
// The studio's rich text editor: tiptap with exactly the shared extension list
// (lib/rich-text/extensions.ts), so whatever it produces passes the server's
// validation and renders on the public site. Controlled through `value` /
// `onChange`; with `name` it also works inside a plain <form> (hidden input).
import { EditorContent, useEditor, useEditorState, type Editor } from "@tiptap/react";
import { useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { richTextExtensions } from "@/lib/rich-text/extensions";
import type { RichTextDoc } from "@/lib/rich-text/document";
import { cn, focusRing } from "@/components/ui/cn";

export type RichTextEditorLabels = {
  bold: string;
  italic: string;
  heading2: string;
  heading3: string;
  bulletList: string;
  orderedList: string;
  blockquote: string;
  link: string;
  unlink: string;
  rtl: string;
  ltr: string;
  undo: string;
  redo: string;
  /** Text of the link prompt (defaults to `link`), e.g. "Link address (https://… or mailto:…)". */
  linkPrompt?: string;
  /** Shown when the address is not http(s) or mailto. */
  invalidLink?: string;
  /** aria-label of the toolbar (defaults to the editor's label). */
  toolbar?: string;
};

export type RichTextEditorProps = {
  value: RichTextDoc | null;
  onChange: (doc: RichTextDoc) => void;
  /** Default direction of the editing area; single blocks can be switched with the toolbar. */
  dir?: "rtl" | "ltr";
  /** Language of the text (spell checking, pronunciation), e.g. "ar". */
  lang?: string;
  /** Accessible name of the editing area. */
  label: string;
  labels: RichTextEditorLabels;
  /** Name of a hidden input holding JSON.stringify(doc), for use in a plain <form>. */
  name?: string;
  /** data-testid of the editing area (the toolbar gets `${testId}-toolbar`). */
  testId?: string;
  className?: string;
  /** Shows the document without letting it be changed (and without the toolbar). */
  readOnly?: boolean;
};

/** A document with one empty paragraph (the smallest valid document). */
export function emptyDoc(): RichTextDoc {
  return { type: "doc", content: [{ type: "paragraph" }] };
}

const DOMAIN_LIKE = /^[\p{L}\p{N}-]+(\.[\p{L}\p{N}-]+)+(:\d+)?([/?#]\S*)?$/u;

/**
 * The link address to store for what the user typed, or null when it is refused:
 * only http(s) with a host, and mailto with an address (as the server accepts).
 * A bare domain ("example.org/path") gets https:// in front.
 */
export function safeLinkHref(input: string): string | null {
  const text = input.trim();
  if (text === "" || /\s/.test(text)) return null;
  if (/^mailto:/i.test(text)) return /^mailto:[^@\s]+@[^@\s]+$/i.test(text) ? text : null;
  const candidate = /^https?:\/\//i.test(text) ? text : DOMAIN_LIKE.test(text) ? `https://${text}` : null;
  if (!candidate) return null;
  try {
    const url = new URL(candidate);
    return (url.protocol === "http:" || url.protocol === "https:") && url.hostname !== "" ? candidate : null;
  } catch {
    return null;
  }
}

type Direction = "rtl" | "ltr";
const DIRECTION_TYPES = ["paragraph", "heading", "listItem", "blockquote"] as const;
const RECENT_EMITTED = 20;

export function RichTextEditor({ value, onChange, dir = "rtl", lang, label, labels, name, testId, className, readOnly = false }: RichTextEditorProps) {
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  // Documents this editor emitted lately (canonical JSON), to recognise a `value`
  // that is only an echo of the user's own earlier typing (e.g. a save that
  // completes while they keep writing) and not overwrite newer keystrokes.
  const emitted = useRef<string[]>([]);
  const [initial] = useState<RichTextDoc>(() => value ?? emptyDoc());
  const [json, setJson] = useState(() => JSON.stringify(initial));
  const [linkError, setLinkError] = useState(false);

  // Memoised: useEditor hands changed options to the live editor (setOptions), so
  // a new label or direction updates the editing area in place.
  const editorProps = useMemo(
    () => ({
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        dir,
        ...(lang ? { lang } : {}),
        ...(testId ? { "data-testid": testId } : {}),
        class: cn(
          "prose-ar min-h-64 px-4 py-3 text-stone-900",
          "[&_h3]:mt-4 [&_h3]:mb-2 [&_h3]:text-lg [&_h3]:font-bold [&_a]:underline [&_p:last-child]:mb-0",
        ),
      },
    }),
    [label, dir, lang, testId],
  );

  const editor = useEditor({
    extensions: richTextExtensions,
    // tiptap's own core "textDirection" extension (inert unless given a direction)
    // has the same name as the shared TextDirection; leaving it out changes
    // nothing in the schema and avoids the duplicate-name warning.
    enableCoreExtensions: { textDirection: false },
    content: initial,
    editable: !readOnly,
    immediatelyRender: false, // rendered on the server without the editor; created on the client
    editorProps,
    onUpdate: ({ editor: ed }) => {
      const doc = ed.getJSON() as RichTextDoc;
      const text = JSON.stringify(doc);
      emitted.current = [...emitted.current.slice(-(RECENT_EMITTED - 1)), text];
      setJson(text);
      onChangeRef.current(doc);
    },
  });

  // A different document from outside (a restored revision, a reset): replace the
  // content, without emitting an update (the parent already has it).
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    // null is "no text": any empty document (say an empty paragraph with a direction) already is that
    if (value === null && editor.isEmpty) return;
    let incoming: string;
    try {
      incoming = JSON.stringify(editor.schema.nodeFromJSON(value ?? emptyDoc()).toJSON());
    } catch (error) {
      console.error("RichTextEditor: ignoring a value the schema refuses", error);
      return;
    }
    const current = JSON.stringify(editor.getJSON());
    if (incoming === current) return;
    if (editor.isFocused && emitted.current.includes(incoming)) return; // stale echo while typing
    editor.commands.setContent(JSON.parse(incoming) as RichTextDoc, { emitUpdate: false });
    emitted.current = [];
    setJson(JSON.stringify(editor.getJSON()));
  }, [editor, value]);

  const state = useEditorState({
    editor,
    selector: ({ editor: ed }) => {
      if (!ed) return null;
      const blockDir = ed.state.selection.$from.parent.attrs.dir as unknown;
      return {
        bold: ed.isActive("bold"),
        italic: ed.isActive("italic"),
        heading2: ed.isActive("heading", { level: 2 }),
        heading3: ed.isActive("heading", { level: 3 }),
        bulletList: ed.isActive("bulletList"),
        orderedList: ed.isActive("orderedList"),
        blockquote: ed.isActive("blockquote"),
        link: ed.isActive("link"),
        dir: blockDir === "rtl" || blockDir === "ltr" ? blockDir : null,
        canUndo: ed.can().undo(),
        canRedo: ed.can().redo(),
      };
    },
  });

  function setBlockDirection(ed: Editor, next: Direction | null) {
    let chain = ed.chain().focus();
    for (const type of DIRECTION_TYPES) chain = chain.updateAttributes(type, { dir: next });
    chain.run();
  }

  function editLink(ed: Editor) {
    const previous = ed.getAttributes("link").href as string | undefined;
    const input = window.prompt(labels.linkPrompt ?? labels.link, previous ?? "https://");
    if (input === null) return; // cancelled
    if (input.trim() === "") {
      ed.chain().focus().extendMarkRange("link").unsetLink().run();
      return;
    }
    const href = safeLinkHref(input);
    if (!href) {
      setLinkError(true);
      ed.commands.focus();
      return;
    }
    if (ed.state.selection.empty && !ed.isActive("link")) {
      // nothing selected: insert the address itself as the link text
      ed.chain().focus().insertContent({ type: "text", text: input.trim(), marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      ed.chain().focus().extendMarkRange("link").setLink({ href }).run();
    }
  }

  type Tool = { key: string; label: string; icon: ReactNode; pressed?: boolean; disabled?: boolean; run: (ed: Editor) => void; group: number };
  const s = state;
  const tools: Tool[] = [
    { key: "bold", label: labels.bold, icon: <span className="font-bold">B</span>, pressed: s?.bold, run: (ed) => ed.chain().focus().toggleBold().run(), group: 0 },
    { key: "italic", label: labels.italic, icon: <span className="font-serif italic">I</span>, pressed: s?.italic, run: (ed) => ed.chain().focus().toggleItalic().run(), group: 0 },
    { key: "heading2", label: labels.heading2, icon: <span className="text-xs font-bold">H2</span>, pressed: s?.heading2, run: (ed) => ed.chain().focus().toggleHeading({ level: 2 }).run(), group: 1 },
    { key: "heading3", label: labels.heading3, icon: <span className="text-xs font-bold">H3</span>, pressed: s?.heading3, run: (ed) => ed.chain().focus().toggleHeading({ level: 3 }).run(), group: 1 },
    { key: "bulletList", label: labels.bulletList, icon: icons.bulletList, pressed: s?.bulletList, run: (ed) => ed.chain().focus().toggleBulletList().run(), group: 2 },
    { key: "orderedList", label: labels.orderedList, icon: icons.orderedList, pressed: s?.orderedList, run: (ed) => ed.chain().focus().toggleOrderedList().run(), group: 2 },
    { key: "blockquote", label: labels.blockquote, icon: icons.blockquote, pressed: s?.blockquote, run: (ed) => ed.chain().focus().toggleBlockquote().run(), group: 2 },
    { key: "link", label: labels.link, icon: icons.link, pressed: s?.link, run: editLink, group: 3 },
    { key: "unlink", label: labels.unlink, icon: icons.unlink, disabled: !s?.link, run: (ed) => ed.chain().focus().extendMarkRange("link").unsetLink().run(), group: 3 },
    { key: "rtl", label: labels.rtl, icon: <span className="text-xs font-bold">RTL</span>, pressed: s?.dir === "rtl", run: (ed) => setBlockDirection(ed, s?.dir === "rtl" ? null : "rtl"), group: 4 },
    { key: "ltr", label: labels.ltr, icon: <span className="text-xs font-bold">LTR</span>, pressed: s?.dir === "ltr", run: (ed) => setBlockDirection(ed, s?.dir === "ltr" ? null : "ltr"), group: 4 },
    { key: "undo", label: labels.undo, icon: icons.undo, disabled: !s?.canUndo, run: (ed) => ed.chain().focus().undo().run(), group: 5 },
    { key: "redo", label: labels.redo, icon: icons.redo, disabled: !s?.canRedo, run: (ed) => ed.chain().focus().redo().run(), group: 5 },
  ];

  // WAI-ARIA toolbar: one tab stop, arrow keys move between the buttons (mirrored
  // in RTL), Home/End jump to the ends.
  const [current, setCurrent] = useState(0);
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  function onToolbarKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const index = buttons.current.indexOf(e.target as HTMLButtonElement);
    if (index < 0) return;
    const rtl = getComputedStyle(e.currentTarget).direction === "rtl";
    const step = e.key === "ArrowRight" ? (rtl ? -1 : 1) : e.key === "ArrowLeft" ? (rtl ? 1 : -1) : 0;
    let next: number | null = null;
    if (step !== 0) next = (index + step + tools.length) % tools.length;
    else if (e.key === "Home") next = 0;
    else if (e.key === "End") next = tools.length - 1;
    if (next === null) return;
    e.preventDefault();
    setCurrent(next);
    buttons.current[next]?.focus();
  }

  useEffect(() => {
    if (editor && editor.isEditable === readOnly) editor.setEditable(!readOnly);
  }, [editor, readOnly]);

  return (
    <div className={cn("rounded border border-stone-400 bg-white", className)}>
      <div
        hidden={readOnly}
        role="toolbar"
        aria-label={labels.toolbar ?? label}
        onKeyDown={onToolbarKeyDown}
        data-testid={testId ? `${testId}-toolbar` : undefined}
        className="flex flex-wrap items-center gap-0.5 border-b border-stone-300 bg-stone-50 p-1"
      >
        {tools.map((tool, i) => {
          const disabled = !editor || tool.disabled;
          return (
            <span key={tool.key} className="contents">
              {i > 0 && tools[i - 1]!.group !== tool.group && <span aria-hidden="true" className="mx-1 h-6 w-px bg-stone-300" />}
              <button
                ref={(el) => {
                  buttons.current[i] = el;
                }}
                type="button"
                tabIndex={i === current ? 0 : -1}
                aria-label={tool.label}
                title={tool.label}
                aria-pressed={tool.pressed === undefined ? undefined : tool.pressed}
                // aria-disabled (not disabled) keeps the button reachable with the arrow keys
                aria-disabled={disabled || undefined}
                data-command={tool.key}
                onMouseDown={(e) => e.preventDefault()} // keep the editor's selection
                onFocus={() => setCurrent(i)}
                onClick={() => {
                  if (!editor || tool.disabled) return;
                  setLinkError(false);
                  tool.run(editor);
                }}
                className={cn(
                  "inline-flex size-9 items-center justify-center rounded text-stone-800 hover:bg-stone-200",
                  "aria-pressed:bg-stone-800 aria-pressed:text-white aria-pressed:hover:bg-stone-700",
                  "aria-disabled:cursor-not-allowed aria-disabled:text-stone-400 aria-disabled:hover:bg-transparent",
                  focusRing,
                )}
              >
                <span aria-hidden="true" className="inline-flex">
                  {tool.icon}
                </span>
              </button>
            </span>
          );
        })}
      </div>
      {linkError && (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-3 py-2 text-sm font-semibold text-red-900">
          {labels.invalidLink ?? "https://… · mailto:…"}
        </p>
      )}
      {editor ? (
        <EditorContent editor={editor} dir={dir} lang={lang} />
      ) : (
        // Before the editor exists (server render, first client render): same box, read-only.
        <div dir={dir} lang={lang} aria-busy="true" className="prose-ar min-h-64 px-4 py-3 text-stone-400" />
      )}
      {name && <input type="hidden" name={name} value={json} />}
    </div>
  );
}

const svg = (children: ReactNode, mirror = false) => (
  <svg viewBox="0 0 20 20" className={cn("size-5", mirror && "rtl:-scale-x-100")} fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
    {children}
  </svg>
);

const icons = {
  bulletList: svg(
    <>
      <circle cx="4" cy="5" r="1" fill="currentColor" />
      <circle cx="4" cy="10" r="1" fill="currentColor" />
      <circle cx="4" cy="15" r="1" fill="currentColor" />
      <path d="M8 5h9M8 10h9M8 15h9" />
    </>,
    true,
  ),
  orderedList: svg(
    <>
      <path d="M3 3.5h1.5v4M3 7.5h3M3 12.5c0-1 3-1 3 .5S3 15 3 16.5h3" />
      <path d="M9 5h8M9 10h8M9 15h8" />
    </>,
    true,
  ),
  blockquote: svg(
    <>
      <path d="M4 4v12" />
      <path d="M8 6h9M8 10h9M8 14h6" />
    </>,
    true,
  ),
  link: svg(
    <>
      <path d="M8.5 11.5a3.5 3.5 0 0 0 5 0l2.5-2.5a3.5 3.5 0 0 0-5-5L9.8 5.2" />
      <path d="M11.5 8.5a3.5 3.5 0 0 0-5 0L4 11a3.5 3.5 0 0 0 5 5l1.2-1.2" />
    </>,
  ),
  unlink: svg(
    <>
      <path d="M13 11.5l3-3a3.5 3.5 0 0 0-5-5l-1.2 1.2" />
      <path d="M7 8.5l-3 3a3.5 3.5 0 0 0 5 5l1.2-1.2" />
      <path d="M3 3l14 14" />
    </>,
  ),
  undo: svg(
    <>
      <path d="M7 4L3 8l4 4" />
      <path d="M3 8h9a5 5 0 0 1 0 10H9" />
    </>,
    true,
  ),
  redo: svg(
    <>
      <path d="M13 4l4 4-4 4" />
      <path d="M17 8H8a5 5 0 0 0 0 10h3" />
    </>,
    true,
  ),
};
