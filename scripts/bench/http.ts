// HTTP side of the benchmark: a tiny cookie jar, Auth.js sign-in through its real
// HTTP flow, and timed GETs (first byte of the body, full body, size).

/** Cookies by name, fed from Set-Cookie headers (expired ones are dropped). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  store(headers: Headers): void {
    for (const line of headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const eq = pair!.indexOf("=");
      if (eq <= 0) continue;
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      const expired = attrs.some((a) => {
        const [k, v = ""] = a.split("=").map((s) => s.trim());
        if (/^max-age$/i.test(k!)) return Number(v) <= 0;
        if (/^expires$/i.test(k!)) return Date.parse(v) <= Date.now();
        return false;
      });
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(predicate: (name: string) => boolean): boolean {
    return [...this.cookies.keys()].some(predicate);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/**
 * Signs in through Auth.js's own endpoints, as the sign-in form's server action does:
 * GET /api/auth/csrf, then POST /api/auth/callback/credentials. Returns the jar
 * holding the session cookie, after checking that /{locale}/studio answers 200.
 */
export async function signIn(baseUrl: string, email: string, password: string, locale = "ar"): Promise<CookieJar> {
  const jar = new CookieJar();
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrfRes.ok) throw new Error(`sign-in: GET /api/auth/csrf answered ${csrfRes.status}`);
  jar.store(csrfRes.headers);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken?: string };
  if (!csrfToken) throw new Error("sign-in: /api/auth/csrf returned no csrfToken");

  const callback = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ csrfToken, email, password, callbackUrl: `${baseUrl}/${locale}/studio` }),
  });
  await callback.arrayBuffer();
  jar.store(callback.headers);
  const location = callback.headers.get("location") ?? "";
  if (!jar.has((n) => n.includes("session-token"))) {
    throw new Error(`sign-in as ${email} failed (HTTP ${callback.status}${location ? ` → ${location}` : ""}, no session cookie)`);
  }

  const studio = await fetch(`${baseUrl}/${locale}/studio`, { redirect: "manual", headers: { cookie: jar.header() } });
  await studio.arrayBuffer();
  if (studio.status !== 200) {
    throw new Error(`sign-in: GET /${locale}/studio answered ${studio.status}${studio.headers.get("location") ? ` → ${studio.headers.get("location")}` : ""} with the session cookie`);
  }
  return jar;
}

export type TimedResponse = {
  status: number;
  /** ms from sending the request to the first byte of the body (headers if the body is empty) */
  firstByteMs: number;
  /** ms from sending the request to the last byte of the body */
  totalMs: number;
  bytes: number;
  text: string;
};

/** One GET, timed; redirects are not followed (a redirect is a result, not a detour). */
export async function timedGet(url: string, jar?: CookieJar): Promise<TimedResponse> {
  const t0 = performance.now();
  const res = await fetch(url, { redirect: "manual", headers: jar ? { cookie: jar.header() } : {} });
  let firstByteMs = performance.now() - t0;
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  if (res.body) {
    const reader = res.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (bytes === 0) firstByteMs = performance.now() - t0;
      chunks.push(value);
      bytes += value.byteLength;
    }
  }
  const totalMs = performance.now() - t0;
  return { status: res.status, firstByteMs, totalMs, bytes, text: Buffer.concat(chunks).toString("utf8") };
}
