import { describe, expect, it } from "vitest";
import { comentionPairs } from "./comentions";

describe("comentionPairs", () => {
  it("counts each pair once per article, strongest first, whatever the order of rows", () => {
    const rows = [
      { articleId: "a1", entityId: "x" },
      { articleId: "a1", entityId: "y" },
      { articleId: "a1", entityId: "z" },
      { articleId: "a1", entityId: "x" }, // a second passage in the same article: still one article
      { articleId: "a2", entityId: "y" },
      { articleId: "a2", entityId: "x" },
      { articleId: "a3", entityId: "z" },
    ];
    expect(comentionPairs(rows)).toEqual([
      { a: "x", b: "y", weight: 2 },
      { a: "x", b: "z", weight: 1 },
      { a: "y", b: "z", weight: 1 },
    ]);
  });
  it("an article with a single entity makes no pair", () => {
    expect(comentionPairs([{ articleId: "a", entityId: "x" }])).toEqual([]);
  });
});
