// `npm run user -- <command>`: manage staff accounts from the shell.
//
//   create <email> --name "Full Name" --role admin|editor|contributor [--password P]
//   set-role <email> <role>
//   disable <email> | enable <email>
//   reset-password <email> [--password P]
//   list
//
// Without --password a random password is generated and printed once.
import { parseArgs } from "node:util";
import path from "node:path";
import { z } from "zod";
import { readEnv } from "../lib/env";
import { ensurePrismaClient, ROOT } from "../lib/setup/generate";

const USAGE = `usage: npm run user -- create <email> --name "Name" --role admin|editor|contributor [--password P]
       npm run user -- set-role <email> <role>
       npm run user -- disable <email> | enable <email>
       npm run user -- reset-password <email> [--password P]
       npm run user -- list`;

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

async function main() {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { name: { type: "string" }, role: { type: "string" }, password: { type: "string" }, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: true,
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    process.exit(command ? 0 : 1);
  }
  const { createUserSchema, emailSchema, passwordSchema, roleSchema } = await import("../lib/users/schemas");
  const parse = <T>(schema: z.ZodType<T>, value: unknown): T => {
    const r = schema.safeParse(value);
    if (!r.success) fail(r.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ` : "") + i.message).join("; "));
    return r.data;
  };

  // validate everything before touching the database
  type Job = () => Promise<string>;
  let job: (lib: typeof import("../lib/users/data"), generatePassword: () => string) => Job;
  switch (command) {
    case "create": {
      const input = parse(createUserSchema, { email: rest[0], name: values.name, role: values.role, password: values.password });
      job = (lib, gen) => async () => {
        const password = input.password ?? gen();
        const user = await lib.createUser({ ...input, password });
        return `created ${user.email} (${user.role})${input.password ? "" : `\npassword: ${password}`}`;
      };
      break;
    }
    case "set-role": {
      const email = parse(emailSchema, rest[0]);
      const role = parse(roleSchema, rest[1] ?? values.role);
      job = (lib) => async () => `${(await lib.setUserRole(email, role)).email} is now ${role}; their sessions were ended`;
      break;
    }
    case "disable":
    case "enable": {
      const email = parse(emailSchema, rest[0]);
      job = (lib) => async () => `${(await lib.setUserDisabled(email, command === "disable")).email} is ${command}d`;
      break;
    }
    case "reset-password": {
      const email = parse(emailSchema, rest[0]);
      const given = values.password === undefined ? undefined : parse(passwordSchema, values.password);
      job = (lib, gen) => async () => {
        const password = given ?? gen();
        await lib.resetUserPassword(email, password);
        return `password of ${email} reset; their sessions were ended${given ? "" : `\npassword: ${password}`}`;
      };
      break;
    }
    case "list":
      job = (lib) => async () =>
        (await lib.listUsers()).map((u) => `${u.email}\t${u.role}\t${u.disabledAt ? "disabled" : "active"}\t${u.name}`).join("\n") || "(no users)";
      break;
    default:
      fail(`unknown command "${command}"\n${USAGE}`);
  }

  let env;
  try {
    env = readEnv();
  } catch (e) {
    fail((e as Error).message);
  }
  ensurePrismaClient();
  const { openDatabase } = await import("../lib/setup/database");
  const { applyMigrations } = await import("../lib/db/schema-engine");
  const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: path.resolve(ROOT, env.SIJILL_DATA_DIR), embeddedPort: env.EMBEDDED_PG_PORT, log: () => {} });
  process.env.DATABASE_URL = database.url;
  const lib = await import("../lib/users/data");
  const { generatePassword } = await import("../lib/auth/password");
  const { disconnectDb } = await import("../lib/db/client");
  const { isAppError } = await import("../lib/errors");
  try {
    await applyMigrations(database.url);
    console.log(await job(lib, generatePassword)());
  } catch (e) {
    await disconnectDb();
    await database.stop();
    fail(isAppError(e) ? e.userMessage : (e as Error).message);
  }
  await disconnectDb();
  await database.stop();
}

main().catch((e) => fail(e instanceof Error ? e.message : String(e)));
