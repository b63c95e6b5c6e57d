// Auth.js (next-auth v5): e-mail + password through the Credentials provider. The
// signed cookie carries only the id of a row in `sessions`; every request checks that
// row (revoked? expired? user disabled?), so ending a session works on every app
// instance at once. The signing secret lives in the database unless AUTH_SECRET is set.
import "server-only";
import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { env } from "../env";
import { getActiveSessionUser, getOrCreateAuthSecret, revokeSession, SESSION_MAX_AGE_SECONDS } from "./data";
import { clientAddress, signInWithPassword } from "./sign-in";
import type { Role } from "./policy";
import { recordAudit } from "../audit/data";

class ThrottledSignIn extends CredentialsSignin {
  code = "throttled";
}

let secret: Promise<string> | undefined;
function authSecret(): Promise<string> {
  const fromEnv = env().AUTH_SECRET;
  if (fromEnv) return Promise.resolve(fromEnv);
  secret ??= getOrCreateAuthSecret().catch((e) => {
    secret = undefined;
    throw e;
  });
  return secret;
}

async function config(): Promise<NextAuthConfig> {
  return {
    secret: await authSecret(),
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/ar/sign-in" },
    providers: [
      Credentials({
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, request) {
          const result = await signInWithPassword(credentials, {
            ip: clientAddress(request.headers),
            userAgent: request.headers.get("user-agent"),
          });
          if (!result.ok) {
            if (result.reason === "throttled") throw new ThrottledSignIn();
            return null;
          }
          return { id: result.user.id, email: result.user.email, name: result.user.name, role: result.user.role, sid: result.sessionId };
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const u = user as { id: string; role: Role; sid: string };
          return { ...token, sub: u.id, sid: u.sid, role: u.role };
        }
        const sid = typeof token.sid === "string" ? token.sid : null;
        if (!sid) return null;
        const live = await getActiveSessionUser(sid);
        if (!live) return null;
        return { ...token, sub: live.id, role: live.role, name: live.name, email: live.email };
      },
      async session({ session, token }) {
        return {
          ...session,
          user: { ...session.user, id: String(token.sub), role: token.role as Role },
          sessionId: String(token.sid),
        };
      },
    },
    events: {
      async signOut(message) {
        const token = "token" in message ? message.token : null;
        if (token && typeof token.sid === "string") {
          await revokeSession(token.sid);
          await recordAudit({ actorId: token.sub ?? null, action: "auth.sign_out", recordType: "user", recordId: token.sub ?? null });
        }
      },
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(config);
