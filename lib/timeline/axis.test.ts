import { describe, expect, it } from "vitest";
import { axisFormat, fullWindow, type MomentLike } from "./axis";

const m = (y: number, mo: number, d: number): MomentLike => ({ year: () => y, month: () => mo - 1, date: () => d });

describe("axisFormat", () => {
  it("names months in Arabic with Latin digits, like the rest of the site", () => {
    const f = axisFormat("ar");
    expect(f.minorLabels(m(2004, 6, 1), "month")).toBe("يونيو");
    expect(f.minorLabels(m(2004, 1, 1), "year")).toBe("2004");
    expect(f.minorLabels(m(2017, 1, 24), "day")).toBe("24");
    expect(f.majorLabels(m(2017, 1, 24), "day")).toBe("يناير 2017");
    expect(f.majorLabels(m(2017, 1, 1), "month")).toBe("2017");
    expect(f.majorLabels(m(2017, 1, 1), "year")).toBe("");
  });
  it("and in English", () => {
    const f = axisFormat("en");
    expect(f.minorLabels(m(2004, 12, 1), "month")).toBe("Dec");
    expect(f.majorLabels(m(2016, 6, 1), "weekday")).toBe("June 2016");
  });
});

describe("fullWindow", () => {
  it("covers every event, with more room after the latest one for its label", () => {
    const w = fullWindow([
      { start: "2004-06-28", end: "2004-06-30" },
      { start: "2024-09-01", end: "2024-10-01" },
    ])!;
    expect(w.start.getTime()).toBeLessThan(Date.parse("2004-06-28"));
    expect(w.end.getTime()).toBeGreaterThan(Date.parse("2024-10-01"));
    expect(w.end.getTime() - Date.parse("2024-10-01")).toBeGreaterThan(Date.parse("2004-06-28") - w.start.getTime());
    expect(fullWindow([])).toBeNull();
  });
});
