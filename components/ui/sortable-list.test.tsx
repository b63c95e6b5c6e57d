import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { DragHandle, MoveButtons, SortableList, moveItem } from "./sortable-list";

describe("moveItem", () => {
  const items = ["a", "b", "c", "d"];
  it("moves an element and leaves the input alone", () => {
    expect(moveItem(items, 0, 2)).toEqual(["b", "c", "a", "d"]);
    expect(moveItem(items, 3, 0)).toEqual(["d", "a", "b", "c"]);
    expect(moveItem(items, 1, 2)).toEqual(["a", "c", "b", "d"]);
    expect(items).toEqual(["a", "b", "c", "d"]);
  });
  it("clamps the target and ignores a bad source", () => {
    expect(moveItem(items, 0, 99)).toEqual(["b", "c", "d", "a"]);
    expect(moveItem(items, 2, -5)).toEqual(["c", "a", "b", "d"]);
    expect(moveItem(items, 7, 0)).toEqual(items);
    expect(moveItem(items, 1, 1)).toEqual(items);
    expect(moveItem([], 0, 1)).toEqual([]);
  });
});

describe("SortableList", () => {
  it("renders items with drag handles, move buttons and translated instructions", () => {
    const html = renderToStaticMarkup(
      <SortableList
        label="عناصر الملف"
        items={[
          { id: "i1", title: "الأول" },
          { id: "i2", title: "الثاني" },
        ]}
        onReorder={() => {}}
        getItemLabel={(i) => i.title}
        announcements={{
          instructions: "اضغط المسافة لالتقاط العنصر",
          roleDescription: "عنصر قابل للترتيب",
          pickedUp: (l, p, n) => `${l} ${p}/${n}`,
          movedTo: (l, p, n) => `${l} ${p}/${n}`,
          dropped: (l, p, n) => `${l} ${p}/${n}`,
          cancelled: (l, p, n) => `${l} ${p}/${n}`,
        }}
        renderItem={(item, handle, controls) => (
          <div className="flex gap-2">
            <DragHandle {...handle} label={`اسحب ${item.title}`} />
            <span>{item.title}</span>
            <MoveButtons controls={controls} upLabel="إلى الأعلى" downLabel="إلى الأسفل" />
          </div>
        )}
      />,
    );
    expect(html).toContain('<ul aria-label="عناصر الملف"');
    expect(html.match(/data-testid="drag-handle"/g)).toHaveLength(2);
    expect(html).toMatch(/<button[^>]*aria-roledescription="عنصر قابل للترتيب"/);
    expect(html).toMatch(/<button[^>]*aria-describedby="[^"]+"/); // dnd-kit's instructions (a stable id, for hydration)
    expect(html).toContain('aria-label="اسحب الأول"');
    // the first item cannot move up, the last cannot move down
    const [first, second] = html.split('data-sortable-id="i2"');
    expect(first).toMatch(/aria-label="إلى الأعلى"[^>]*disabled=""/);
    expect(first).not.toMatch(/aria-label="إلى الأسفل"[^>]*disabled=""/);
    expect(second).toMatch(/aria-label="إلى الأسفل"[^>]*disabled=""/);
    expect(html).toContain('role="status"');
  });
});
