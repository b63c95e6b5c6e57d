// Locale routing only (next-intl). Access control is never decided here: studio
// pages and actions check the session themselves (HOUSE-STYLE anti-pattern 5).
import createMiddleware from "next-intl/middleware";
import { routing } from "./lib/i18n/routing";

export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
