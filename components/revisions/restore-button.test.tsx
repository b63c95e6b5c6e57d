import { describe, expect, it, vi } from "vitest";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import ar from "@/lib/i18n/messages/studio-admin.ar.json";
import { RestoreButton } from "./restore-button";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => {} }) }));
vi.mock("@/lib/records/actions", () => ({ restoreRevisionAction: vi.fn() }));

describe("RestoreButton", () => {
  it("renders a closed dialog trigger named after its version", () => {
    const html = renderToStaticMarkup(
      <NextIntlClientProvider locale="ar" messages={ar} timeZone="UTC">
        <RestoreButton kind="article" id="a1" revisionId="r2" version={2} expectedVersion={3} />
      </NextIntlClientProvider>,
    );
    expect(html).toMatch(/<button[^>]*type="button"[^>]*data-testid="restore-2"[^>]*aria-haspopup="dialog"[^>]*aria-expanded="false"/);
    expect(html).toContain(`${ar.history.restore.button}<span class="sr-only"> النسخة 2</span>`);
    expect(html).not.toContain(ar.history.restore.description); // not open
    expect(html).toContain('role="status"');
  });
});
