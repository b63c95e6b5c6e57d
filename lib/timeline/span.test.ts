import { describe, expect, it } from "vitest";
import { drawnSpan, overlaps, spanOf, spanOfPrecise } from "./span";

describe("spanOf", () => {
  it("a day covers that day only", () => {
    expect(spanOf("2017-01-24", "day")).toEqual({ start: "2017-01-24", end: "2017-01-25" });
    expect(spanOf("2016-12-31", "day")).toEqual({ start: "2016-12-31", end: "2017-01-01" });
    expect(spanOf("2016-02-29", "day")).toEqual({ start: "2016-02-29", end: "2016-03-01" });
  });
  it("a month covers the whole month: [first day, first day of the next month)", () => {
    expect(spanOf("2004-06-01", "month")).toEqual({ start: "2004-06-01", end: "2004-07-01" });
    expect(spanOf("2004-12-01", "month")).toEqual({ start: "2004-12-01", end: "2005-01-01" });
    // a stored month-precision date is the first of the month; any day still means the month
    expect(spanOf("2004-12-15", "month")).toEqual({ start: "2004-12-01", end: "2005-01-01" });
  });
  it("a year covers the whole year", () => {
    expect(spanOf("2004-01-01", "year")).toEqual({ start: "2004-01-01", end: "2005-01-01" });
    expect(spanOf("2004-07-09", "year")).toEqual({ start: "2004-01-01", end: "2005-01-01" });
  });
  it("reads the precise string forms", () => {
    expect(spanOfPrecise("2018-11")).toEqual({ start: "2018-11-01", end: "2018-12-01" });
    expect(spanOfPrecise("2014")).toEqual({ start: "2014-01-01", end: "2015-01-01" });
    expect(spanOfPrecise("2014-13")).toBeNull();
  });
});

describe("drawnSpan", () => {
  it("a single day is a point", () => {
    expect(drawnSpan("2017-01-24", null)).toEqual({ start: "2017-01-24", end: "2017-01-25", kind: "point" });
  });
  it("a month or a year is a range over the period, never a single day", () => {
    expect(drawnSpan("2006-12", null)).toEqual({ start: "2006-12-01", end: "2007-01-01", kind: "range" });
    expect(drawnSpan("2014", null)).toEqual({ start: "2014-01-01", end: "2015-01-01", kind: "range" });
  });
  it("a start–end pair covers from the start of its start to the end of its end", () => {
    expect(drawnSpan("2004-06-28", "2004-06-29")).toEqual({ start: "2004-06-28", end: "2004-06-30", kind: "range" });
    expect(drawnSpan("2004-06", "2005")).toEqual({ start: "2004-06-01", end: "2006-01-01", kind: "range" });
  });
  it("an end before its start does not draw backwards; garbage draws nothing", () => {
    expect(drawnSpan("2010", "2009")).toEqual({ start: "2010-01-01", end: "2011-01-01", kind: "range" });
    expect(drawnSpan("someday", null)).toBeNull();
  });
});

describe("overlaps", () => {
  const y2004 = { start: "2004-01-01", end: "2005-01-01" };
  it("keeps spans that touch the range, drops those wholly outside", () => {
    expect(overlaps(y2004, "2004-06-01", "2004-07-01")).toBe(true);
    expect(overlaps(y2004, "2005-01-01", null)).toBe(false);
    expect(overlaps(y2004, null, "2004-01-01")).toBe(false);
    expect(overlaps(y2004, "2003-01-01", "2004-01-02")).toBe(true);
  });
  it("open ends and open bounds always match", () => {
    expect(overlaps({ start: "2016-06-01" }, "2020-01-01", "2021-01-01")).toBe(true);
    expect(overlaps({}, "2020-01-01", "2021-01-01")).toBe(true);
    expect(overlaps(y2004, null, null)).toBe(true);
  });
});
