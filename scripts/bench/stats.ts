// Figures: percentiles of timing samples, and plain-text tables for the terminal.

export type Summary = { n: number; p50: number; p95: number; max: number };

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

export function summarize(samples: readonly number[]): Summary {
  return { n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: percentile(samples, 100) };
}

/** Runs `fn` `warmup` times untimed, then `runs` times, and returns each run's value. */
export async function repeat<T>(warmup: number, runs: number, fn: () => Promise<T>): Promise<T[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const out: T[] = [];
  for (let i = 0; i < runs; i++) out.push(await fn());
  return out;
}

export const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : "–");
export const seconds = (msValue: number) => `${(msValue / 1000).toFixed(1)} s`;
export function bytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KiB`;
  return `${(n / 1024 / 1024).toFixed(2)} MiB`;
}

/**
 * A table with one or two header rows; columns whose cells look numeric are
 * right-aligned. `groups` (optional) spans header labels over columns: [label, span][].
 */
export function formatTable(header: string[], rows: string[][], groups?: [string, number][]): string {
  const width = (s: string) => [...s].length;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ""))));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((r) => /^[\d.,–\s]+(ms|B|KiB|MiB|%)?$/.test(r[i] ?? "")));
  const cell = (s: string, i: number) => (numeric[i] ? s.padStart(widths[i]! + s.length - width(s)) : s.padEnd(widths[i]! + s.length - width(s)));
  const line = (cells: string[]) => cells.map(cell).join("  ").trimEnd();
  const out: string[] = [];
  if (groups) {
    let col = 0;
    const parts: string[] = [];
    for (const [label, span] of groups) {
      const w = widths.slice(col, col + span).reduce((a, b) => a + b, 0) + 2 * (span - 1);
      parts.push(label.padEnd(w));
      col += span;
    }
    out.push(parts.join("  ").trimEnd());
  }
  out.push(line(header));
  out.push(widths.map((w) => "─".repeat(w)).join("  "));
  for (const r of rows) out.push(line(r));
  return out.join("\n");
}
