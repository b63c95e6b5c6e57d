import { describe, expect, it } from "vitest";
import { displayPrecise, formatPrecise, parsePreciseDate, preciseDateSchema, toDbDate } from "./dates";

describe("precise dates", () => {
  it("parses day, month and year precision", () => {
    expect(parsePreciseDate("2017-01-23")).toEqual({ date: "2017-01-23", precision: "day" });
    expect(parsePreciseDate("2004-12")).toEqual({ date: "2004-12-01", precision: "month" });
    expect(parsePreciseDate("2004")).toEqual({ date: "2004-01-01", precision: "year" });
  });
  it("refuses impossible dates", () => {
    for (const bad of ["2017-02-30", "2017-13", "17-01-01", "", "2017/01/01"]) expect(parsePreciseDate(bad)).toBeNull();
    expect(preciseDateSchema.safeParse("2017-02-30").success).toBe(false);
  });
  it("round-trips through the database form at its precision", () => {
    for (const s of ["2017-01-23", "2004-12", "2004"]) {
      const p = parsePreciseDate(s)!;
      expect(formatPrecise(toDbDate(p), p.precision)).toBe(s);
    }
  });
  it("never shows a day for a month-precision date", () => {
    const p = parsePreciseDate("2018-11")!;
    expect(displayPrecise(toDbDate(p), "month", "en")).toBe("November 2018");
    expect(displayPrecise(toDbDate(p), "month", "ar")).toBe("نوفمبر 2018");
    expect(displayPrecise(toDbDate(parsePreciseDate("2017-01-23")!), "day", "en")).toBe("23 January 2017");
  });
});
