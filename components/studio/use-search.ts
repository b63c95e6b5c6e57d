"use client";
// The debounced search behind every studio picker (dossier items, relation ends,
// citation articles, merge candidates): a newer query or scope cancels the answer of
// an older one.
import { useEffect, useRef, useState } from "react";
import type { ActionError, ActionResult } from "@/lib/action-result";

export const SEARCH_DELAY_MS = 300;

export function useSearch<T>(q: string, run: (q: string) => Promise<ActionResult<T[]>>, scope = "", delayMs = SEARCH_DELAY_MS) {
  const [results, setResults] = useState<T[] | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ActionError | null>(null);
  const runRef = useRef(run);
  runRef.current = run;
  useEffect(() => {
    const query = q.trim();
    if (!query) {
      setResults(null);
      setError(null);
      setLoading(false);
      return;
    }
    let cancelled = false;
    const timer = setTimeout(async () => {
      setLoading(true);
      const r = await runRef.current(query);
      if (cancelled) return;
      setResults(r.ok ? r.data : null);
      setError(r.ok ? null : r.error);
      setLoading(false);
    }, delayMs);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [q, scope, delayMs]);
  return { results, loading, error };
}
