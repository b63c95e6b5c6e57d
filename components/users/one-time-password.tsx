"use client";
// A one-time password, shown once: highlighted, in a monospace left-to-right box,
// with a copy button and the sentence telling the admin what to do with it. It
// takes the focus when it appears, so a screen reader reads it straight away.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { cn, focusRing } from "@/components/ui/cn";

export function OneTimePassword({ password, heading, onDismiss }: { password: string; heading: ReactNode; onDismiss?: () => void }) {
  const t = useTranslations("users.password");
  const [copy, setCopy] = useState<"idle" | "copied" | "failed">("idle");
  const boxRef = useRef<HTMLDivElement>(null);
  const codeRef = useRef<HTMLElement>(null);
  const headingId = useId();

  useEffect(() => {
    boxRef.current?.focus();
  }, []);

  async function copyPassword() {
    try {
      await navigator.clipboard.writeText(password);
      setCopy("copied");
    } catch {
      // no clipboard (insecure context, permission refused): select it for a manual copy
      const code = codeRef.current;
      if (code) window.getSelection()?.selectAllChildren(code);
      setCopy("failed");
    }
  }

  return (
    <div
      ref={boxRef}
      tabIndex={-1}
      role="region"
      aria-labelledby={headingId}
      className={cn("space-y-3 rounded-lg border-2 border-amber-500 bg-amber-50 p-4 text-stone-900", focusRing)}
      data-testid="one-time-password-box"
    >
      <p id={headingId} className="font-semibold">
        {heading}
      </p>
      <div className="space-y-1">
        <p className="text-sm font-semibold text-stone-700">{t("label")}</p>
        <div className="flex flex-wrap items-center gap-2">
          <code
            ref={codeRef}
            dir="ltr"
            translate="no"
            className="rounded border border-amber-400 bg-white px-3 py-1.5 font-mono text-lg tracking-wide break-all select-all"
            data-testid="one-time-password"
          >
            {password}
          </code>
          <Button type="button" variant="secondary" size="sm" onClick={copyPassword} data-testid="copy-password">
            {t("copy")}
          </Button>
        </div>
      </div>
      <p>{t("instructions")}</p>
      <p role="status" className="text-sm font-semibold text-stone-800">
        {copy === "copied" ? t("copied") : copy === "failed" ? t("copyFailed") : ""}
      </p>
      {onDismiss && (
        <Button type="button" variant="primary" size="sm" onClick={onDismiss}>
          {t("dismiss")}
        </Button>
      )}
    </div>
  );
}
