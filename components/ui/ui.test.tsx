import { describe, expect, it } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { Button, buttonClasses } from "./button";
import { FieldError, Input, Label } from "./input";
import { Select } from "./select";
import { StateBadge } from "./badge";
import { Pagination, pageWindow } from "./pagination";
import { Progress } from "./progress";
import { Table, TBody, Td, Th, THead, Tr } from "./table";
import { ConfirmDialog } from "./confirm-dialog";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "./tabs";

describe("ui kit", () => {
  it("renders buttons with variants and keeps the native type", () => {
    const html = renderToStaticMarkup(
      <>
        <Button>Save</Button>
        <Button type="button" variant="danger" size="sm" disabled>
          Delete
        </Button>
      </>,
    );
    expect(html).toContain('<button class="');
    expect(html).not.toMatch(/<button[^>]*type="submit"/); // HTML default, not forced
    expect(html).toMatch(/<button[^>]*type="button"[^>]*disabled=""/);
    expect(buttonClasses({ variant: "danger" })).toContain("bg-red-700");
  });

  it("marks invalid fields and announces their error", () => {
    const html = renderToStaticMarkup(
      <>
        <Label htmlFor="t">العنوان</Label>
        <Input id="t" invalid aria-describedby="t-err" />
        <FieldError id="t-err">مطلوب</FieldError>
        <FieldError id="none">{null}</FieldError>
        <Select invalid={false} aria-label="x">
          <option>a</option>
        </Select>
      </>,
    );
    expect(html).toMatch(/<input aria-invalid="true"/);
    expect(html).toContain('<p id="t-err" role="alert"');
    expect(html).not.toContain('id="none"');
    expect(html).not.toMatch(/<select[^>]*aria-invalid/);
  });

  it("gives each workflow state its own look and the translated label", () => {
    const states = ["draft", "in_review", "published", "archived"] as const;
    const htmls = states.map((s) => renderToStaticMarkup(<StateBadge state={s} label={`label-${s}`} />));
    const classes = htmls.map((h) => h.match(/class="([^"]+)"/)![1]);
    expect(new Set(classes).size).toBe(4);
    htmls.forEach((h, i) => {
      expect(h).toContain(`data-state="${states[i]}"`);
      expect(h).toContain(`label-${states[i]}`);
    });
  });

  it("computes the page window with gaps", () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 5)).toEqual([1, 2, null, 5]);
    expect(pageWindow(6, 20)).toEqual([1, null, 5, 6, 7, null, 20]);
    expect(pageWindow(3, 20)).toEqual([1, 2, 3, 4, null, 20]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]); // a gap of one page shows the page
  });

  it("renders pagination with aria-current, rel links and translated labels", () => {
    const html = renderToStaticMarkup(
      <Pagination page={2} pageCount={3} hrefFor={(p) => `/ar/studio/articles?page=${p}`} labels={{ navigation: "الصفحات", previous: "السابق", next: "التالي", page: (n) => `صفحة ${n}` }} />,
    );
    expect(html).toContain('<nav aria-label="الصفحات"');
    const links = [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]);
    const link = (page: number, attr: string) => links.some((a) => a.includes(`href="/ar/studio/articles?page=${page}"`) && a.includes(attr));
    expect(link(2, 'aria-current="page"')).toBe(true);
    expect(links.filter((a) => a.includes("aria-current"))).toHaveLength(1);
    expect(link(1, 'rel="prev"')).toBe(true);
    expect(link(3, 'rel="next"')).toBe(true);
    expect(html).toContain('aria-label="صفحة 3"');
    expect(renderToStaticMarkup(<Pagination page={1} pageCount={1} hrefFor={String} labels={{ navigation: "", previous: "", next: "" }} />)).toBe("");
    const first = renderToStaticMarkup(<Pagination page={1} pageCount={2} hrefFor={(p) => `?p=${p}`} labels={{ navigation: "n", previous: "prev", next: "next" }} />);
    expect(first).not.toContain('rel="prev"');
  });

  it("renders an accessible progress bar", () => {
    const html = renderToStaticMarkup(<Progress value={3} max={5} label="المقاطع المربوطة" valueText="3 / 5" />);
    expect(html).toMatch(/role="progressbar" aria-labelledby="[^"]+" aria-valuemin="0" aria-valuemax="5" aria-valuenow="3" aria-valuetext="3 \/ 5"/);
    const labelId = html.match(/aria-labelledby="([^"]+)"/)![1];
    expect(html).toContain(`id="${labelId}"`);
    expect(html).toContain("width:60%");
    expect(renderToStaticMarkup(<Progress value={150} label="x" />)).toContain('aria-valuenow="100"');
  });

  it("renders table header cells with a scope", () => {
    const html = renderToStaticMarkup(
      <Table caption="Articles">
        <THead>
          <Tr>
            <Th>Title</Th>
          </Tr>
        </THead>
        <TBody>
          <Tr>
            <Td>x</Td>
          </Tr>
        </TBody>
      </Table>,
    );
    expect(html).toContain('<th scope="col"');
    expect(html).toContain("<caption");
  });

  it("renders the confirm dialog's trigger closed, and tabs with their direction", () => {
    const html = renderToStaticMarkup(
      <ConfirmDialog triggerLabel="حذف" title="حذف المقال؟" confirmLabel="حذف" cancelLabel="إلغاء" onConfirm={() => {}} testId="delete" />,
    );
    expect(html).toMatch(/<button[^>]*type="button"[^>]*aria-haspopup="dialog"[^>]*aria-expanded="false"/);
    expect(html).toContain('data-testid="delete"');
    expect(html).not.toContain("حذف المقال؟"); // the dialog is not open

    const tabs = renderToStaticMarkup(
      <Tabs dir="rtl" defaultValue="a">
        <TabsList aria-label="أقسام">
          <TabsTrigger value="a">أ</TabsTrigger>
          <TabsTrigger value="b">ب</TabsTrigger>
        </TabsList>
        <TabsContent value="a">محتوى</TabsContent>
      </Tabs>,
    );
    expect(tabs).toContain('dir="rtl"');
    expect(tabs).toContain('role="tablist"');
    expect(tabs).toContain('aria-selected="true"');
  });
});
