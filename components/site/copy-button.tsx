"use client";
// Copies a text to the clipboard; says so in a polite live region. Its labels come
// from the server (the public site ships no messages to the client).
import { useState } from "react";

export function CopyButton({ text, label, copiedLabel, failedLabel, testId }: { text: string; label: string; copiedLabel: string; failedLabel: string; testId?: string }) {
  const [status, setStatus] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setStatus("copied");
    } catch {
      setStatus("failed");
    }
    window.setTimeout(() => setStatus("idle"), 3000);
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        data-testid={testId}
        className="rounded border border-stone-400 bg-white px-3 py-1 text-sm font-semibold text-stone-800 hover:bg-stone-100"
      >
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-sm text-stone-700">
        {status === "copied" ? copiedLabel : status === "failed" ? failedLabel : ""}
      </span>
    </span>
  );
}
