import { describe, expect, it } from "vitest";
import { networkQuerySchema, toNetworkFilter } from "./schemas";
import { timelineQuerySchema } from "../timeline/schemas";
import { paramsOf, parseLenient } from "../explore/params";

describe("network query", () => {
  it("reads repeated and comma-separated types, a year range and the co-mention flag", () => {
    const q = networkQuerySchema.parse(paramsOf(new URLSearchParams("type=person&type=organization,event&from=2004&to=2010&comentions=1")));
    expect(toNetworkFilter(q)).toEqual({ types: ["person", "organization", "event"], from: "2004-01-01", to: "2011-01-01", comentions: true, limit: 60 });
  });
  it("a month bound covers its month", () => {
    const q = networkQuerySchema.parse({ from: "2016-06", to: "2016-06" });
    expect(toNetworkFilter(q)).toMatchObject({ from: "2016-06-01", to: "2016-07-01" });
  });
  it("defaults: every type, no range, no co-mentions", () => {
    expect(toNetworkFilter(networkQuerySchema.parse({}))).toEqual({ types: null, from: null, to: null, comentions: false, limit: 60 });
    expect(toNetworkFilter(networkQuerySchema.parse({ type: "", from: "", comentions: "" }))).toMatchObject({ types: null, from: null, comentions: false });
  });
  it("refuses bad values with a clear message", () => {
    expect(() => networkQuerySchema.parse({ type: "robot" })).toThrow(/type must be person, organization, event or place/);
    expect(() => networkQuerySchema.parse({ from: "last year" })).toThrow(/from must be a year/);
    expect(() => networkQuerySchema.parse({ from: "2010", to: "2004" })).toThrow(/from must not be after to/);
    expect(() => networkQuerySchema.parse({ limit: "100000" })).toThrow(/limit must be at most 200/);
  });
  it("a page drops only the bad parameter and says why", () => {
    const { query, errors } = parseLenient(networkQuerySchema, { type: "person", from: "soon", to: "2010" });
    expect(toNetworkFilter(query)).toMatchObject({ types: ["person"], from: null, to: "2011-01-01" });
    expect(errors).toEqual([expect.stringMatching(/from must be a year/)]);
    expect(parseLenient(networkQuerySchema, { type: "person", from: "soon", to: "2010" }).ignored).toEqual(["from"]);
    const swapped = parseLenient(networkQuerySchema, { from: "2010", to: "2004" });
    expect(toNetworkFilter(swapped.query)).toMatchObject({ from: "2010-01-01", to: null });
  });
});

describe("timeline query", () => {
  it("takes a slug, ignores a blank one and refuses odd characters", () => {
    expect(timelineQuerySchema.parse({ entity: "nato" })).toEqual({ entity: "nato" });
    expect(timelineQuerySchema.parse({ entity: "  " })).toEqual({ entity: undefined });
    expect(timelineQuerySchema.parse({ entity: ["kuwait", "nato"] })).toEqual({ entity: "kuwait" });
    expect(timelineQuerySchema.safeParse({ entity: "<script>" }).success).toBe(false);
    expect(parseLenient(timelineQuerySchema, { entity: "a b" }).query).toEqual({ entity: undefined });
  });
});
