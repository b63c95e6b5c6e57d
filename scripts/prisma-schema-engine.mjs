#!/usr/bin/env node
// Prisma schema engine stand-in: Prisma's own WebAssembly build of the schema engine
// (@prisma/schema-engine-wasm) talking to PostgreSQL through @prisma/adapter-pg.
//
// Why: the Prisma CLI downloads a native schema-engine binary from Prisma's servers
// before `migrate …` / `db …`; without internet that fails. The CLI accepts any
// executable in PRISMA_SCHEMA_ENGINE_BINARY (scripts/prisma.ts sets it to this file),
// spawns it as
//     ENGINE [--datamodels <file>]… [--datasource '{"url":…}'] [--enabled-preview-features …]
// and speaks line-delimited JSON-RPC 2.0 over stdin/stdout: each method (applyMigrations,
// createMigration, devDiagnostic, diagnoseMigrationHistory, diff, …) is a method of the
// wasm SchemaEngine with the same params. It also runs one-shot commands:
//     ENGINE --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
// whose failures are JSON log lines on stderr (see runOneShot below).
//
// As a module it exports createSchemaEngine(), used in-process by lib/db/schema-engine.ts
// (migrations at startup, drift check) with no child process at all.

import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";
import readline from "node:readline";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

// ───────────────────────────── wasm loading

let wasmModulePromise;
let lastPanicMessage;

// The engine's panic hook reports the panic message here before trapping (the trap
// surfaces as a WebAssembly.RuntimeError "unreachable"); without it the hook itself
// throws a TypeError and the real message is lost.
const otherPanicRegistry = globalThis.PRISMA_WASM_PANIC_REGISTRY; // e.g. Prisma Client's, in an app process
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message(message) {
    lastPanicMessage = message;
    otherPanicRegistry?.set_message?.(message);
  },
};

/**
 * Loads the wasm schema engine once per process. The package's entry point imports the
 * .wasm file as an ES module, which Node 20 cannot do: import the JS glue
 * (schema_engine_bg.js) ourselves and instantiate the .wasm with it as the imports.
 * Resolves to the glue module ({ SchemaEngine, version, … }).
 */
export function loadSchemaEngineWasm() {
  wasmModulePromise ??= (async () => {
    const gluePath = resolveWasmGlue();
    const bg = await import(/* webpackIgnore: true */ /* turbopackIgnore: true */ pathToFileURL(gluePath).href);
    const bytes = await fs.promises.readFile(path.join(path.dirname(gluePath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    instance.exports.__wbindgen_start?.();
    return bg;
  })();
  wasmModulePromise.catch(() => {
    wasmModulePromise = undefined;
  });
  return wasmModulePromise;
}

/** After a panic (WebAssembly.RuntimeError) the instance is unusable: load a fresh one next time. */
export function discardSchemaEngineWasm() {
  wasmModulePromise = undefined;
}

function resolveWasmGlue() {
  try {
    const resolved = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    if (typeof resolved === "string" && fs.existsSync(resolved)) return resolved;
  } catch {
    // fall through
  }
  // bundled contexts (a bundler's require.resolve returns a module id): node_modules of the project
  return path.join(process.cwd(), "node_modules", "@prisma", "schema-engine-wasm", "schema_engine_bg.js");
}

// ───────────────────────────── driver adapter

/**
 * A migration-aware PostgreSQL adapter factory for the wasm engine, built on PrismaPg
 * with three fixes:
 *  - pg_catalog columns of type "char" (OID 18), which the engine reads while
 *    describing a schema, are handed over as Character (PrismaPg refuses them);
 *  - a script (a migration, a reset) is sent in ONE simple-protocol query, as the
 *    native engine does: PrismaPg splits it on every ";" (breaking semicolons inside
 *    strings, comments or function bodies) and runs the pieces on random pool
 *    connections, so a failing migration would be half applied;
 *  - the shadow database really is a new database (PrismaPg 7.10 passes
 *    { connectionString, database } to pg, where the URL's database wins, so its
 *    "shadow" pool points at the main database), and it is dropped WITH (FORCE) after
 *    its pool is closed, or by close() if the engine never disposes it.
 * close() ends every pool it opened, so an in-process caller's event loop can exit.
 */
export function createAdapterFactory({ url, shadowDatabaseUrl }) {
  const opened = new Set();
  const schemaOf = (u) => {
    try {
      return new URL(u).searchParams.get("schema") ?? undefined;
    } catch {
      return undefined;
    }
  };
  const pgOptions = (u) => {
    const schema = schemaOf(u);
    return schema ? { schema } : undefined;
  };
  const track = (adapter) => {
    patchQueryable(adapter);
    const executeScript = async (script) => {
      try {
        await adapter.underlyingDriver().query(script);
      } catch (e) {
        adapter.onError(e); // throws the DriverAdapterError the engine understands
      }
    };
    adapter.executeScript = executeScript;
    const dispose = adapter.dispose.bind(adapter);
    let disposed;
    adapter.dispose = () => {
      opened.delete(adapter);
      return (disposed ??= dispose());
    };
    opened.add(adapter);
    return adapter;
  };

  const factory = {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect() {
      if (!url) throw new Error("No database URL: set DATABASE_URL (or the datasource url of prisma.config.ts).");
      return track(await new PrismaPg({ connectionString: url }, pgOptions(url)).connect());
    },
    async connectToShadowDb() {
      if (shadowDatabaseUrl) {
        return track(await new PrismaPg({ connectionString: shadowDatabaseUrl }, pgOptions(shadowDatabaseUrl)).connect());
      }
      if (!url) throw new Error("No database URL to create a shadow database on.");
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await withClient(url, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
      const shadowUrl = withDatabase(url, name);
      const adapter = track(await new PrismaPg({ connectionString: shadowUrl }, pgOptions(url)).connect());
      const dispose = adapter.dispose;
      let dropped;
      adapter.dispose = () =>
        (dropped ??= (async () => {
          await dispose(); // ends the shadow pool first: a connected database cannot be dropped
          await withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`)).catch(() =>
            withClient(url, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)}`)),
          );
        })());
      return adapter;
    },
  };

  return {
    factory,
    bound: bindMigrationAwareSqlAdapterFactory(factory),
    async close() {
      await Promise.allSettled([...opened].map((a) => a.dispose()));
    },
  };
}

const PG_CHAR_OID = 18;
const COLUMN_TYPE_CHARACTER = 6; // ColumnTypeEnum.Character of @prisma/driver-adapter-utils

/**
 * PostgreSQL "char" (OID 18) columns, which the engine reads from pg_catalog
 * (pg_constraint.contype…) and PrismaPg refuses: let PrismaPg convert them as text, then
 * declare them to the engine as Character, the type it reads them as. Patched on the
 * adapter and on each of its transactions.
 */
function patchQueryable(queryable) {
  const { performIO, queryRaw } = queryable;
  if (typeof performIO !== "function" || typeof queryRaw !== "function") {
    throw new Error("@prisma/adapter-pg changed: PgQueryable.performIO/queryRaw not found (see scripts/prisma-schema-engine.mjs)");
  }
  const charColumns = new WeakMap(); // query → indexes of its "char" columns
  queryable.performIO = async function (query) {
    const result = await performIO.call(this, query);
    const indexes = [];
    (result?.fields ?? []).forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = 25; // text
        indexes.push(i);
      }
    });
    if (indexes.length && query && typeof query === "object") charColumns.set(query, indexes);
    return result;
  };
  queryable.queryRaw = async function (query) {
    const result = await queryRaw.call(this, query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  if (typeof queryable.startTransaction === "function") {
    const startTransaction = queryable.startTransaction;
    queryable.startTransaction = async function (...args) {
      return patchQueryable(await startTransaction.apply(this, args));
    };
  }
  return queryable;
}

function withDatabase(url, database) {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

async function withClient(url, fn) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// ───────────────────────────── engine

/**
 * Creates a wasm schema engine connected to `url`.
 *   datamodels: schema files, as paths or [path, content] pairs (may be empty)
 *   log: receives the engine's log events (JSON strings)
 *   preflight: connect once first, to fail cleanly (P1000/P1001/P1003) — default true
 * Returns { engine, close() }: close() frees the engine and ends its connections.
 * @param {{ datamodels?: (string | [string, string])[], url?: string, shadowDatabaseUrl?: string,
 *           log?: (line: string) => void, preflight?: boolean }} [options]
 * @returns {Promise<{ engine: import("@prisma/schema-engine-wasm").SchemaEngine, close: () => Promise<void> }>}
 */
export async function createSchemaEngine({ datamodels = [], url, shadowDatabaseUrl, log, preflight = true } = {}) {
  // The wasm engine connects lazily, and a failed first connection (no such database,
  // server down, bad password) is thrown from a microtask as an uncaught exception while
  // the call's promise never settles. Connect once ourselves first to fail cleanly.
  if (preflight && url) await checkConnection(url);
  const wasm = await loadSchemaEngineWasm();
  const files = datamodels.map((d) => (Array.isArray(d) ? d : [d, fs.readFileSync(d, "utf8")]));
  const adapters = createAdapterFactory({ url, shadowDatabaseUrl });
  let engine;
  try {
    engine = await guardEngineCall(() =>
      wasm.SchemaEngine.new({ datamodels: files.length ? files : undefined }, log ?? (() => {}), adapters.bound),
    );
  } catch (e) {
    await adapters.close();
    throw normalizeEngineError(e);
  }
  let closed = false;
  return {
    engine,
    async close() {
      if (closed) return;
      closed = true;
      try {
        engine.free();
      } catch {
        // already freed or instance poisoned by a panic
      }
      await adapters.close();
    },
  };
}

/**
 * Throws an Error with code P1000/P1001/P1003 (like the native engine) if `url` cannot be connected to.
 * @param {string} url
 * @returns {Promise<void>}
 */
export async function checkConnection(url) {
  try {
    await connectOrExplain(url, describeUrl(url), async () => {});
  } catch (e) {
    throw Object.assign(new Error(e.message), { code: e.errorCode, error_code: e.errorCode });
  }
}

/**
 * Runs `call` (a function returning an engine promise) and rejects if the engine throws
 * an uncaught exception meanwhile (see createSchemaEngine: such a call never settles).
 * @template T
 * @param {() => Promise<T>} call
 * @returns {Promise<T>}
 */
export function guardEngineCall(call) {
  return new Promise((resolve, reject) => {
    const onUncaught = (err) => {
      if (!isEngineException(err)) {
        // not ours: leave it to the other listeners, or restore the default crash
        if (process.listenerCount("uncaughtException") === 1) {
          process.off("uncaughtException", onUncaught);
          process.nextTick(() => {
            throw err;
          });
        }
        return;
      }
      process.off("uncaughtException", onUncaught);
      reject(normalizeEngineError(err));
    };
    process.prependListener("uncaughtException", onUncaught);
    Promise.resolve()
      .then(call)
      .then(
        (v) => {
          process.off("uncaughtException", onUncaught);
          resolve(v);
        },
        (e) => {
          process.off("uncaughtException", onUncaught);
          reject(normalizeEngineError(e));
        },
      );
  });
}

export function isEngineException(err) {
  return err instanceof WebAssembly.RuntimeError || /schema_engine_bg\.js|wasm:\/\/wasm/.test(String(err?.stack ?? ""));
}

/**
 * The engine rejects with user-facing errors shaped like the native engine's JSON-RPC
 * error data ({ message, error_code?, meta?, is_panic }), sometimes as a JSON string or
 * an Error. Returns an Error carrying those fields (code = error_code).
 */
export function normalizeEngineError(e) {
  if (e instanceof WebAssembly.RuntimeError) {
    discardSchemaEngineWasm();
    const err = new Error(`Schema engine panicked: ${lastPanicMessage ?? e.message}`);
    lastPanicMessage = undefined;
    err.is_panic = true;
    return err;
  }
  let data = e;
  if (typeof e === "string") {
    try {
      data = JSON.parse(e);
    } catch {
      data = { message: e };
    }
  } else if (e instanceof Error && !("error_code" in e)) {
    try {
      const parsed = JSON.parse(e.message);
      if (parsed && typeof parsed === "object") data = parsed;
    } catch {
      // plain message
    }
  }
  if (data instanceof Error) {
    data.message = stripSpanTrace(data.message);
    return data;
  }
  const message = stripSpanTrace(String(data?.message ?? data?.error ?? JSON.stringify(data)));
  const err = new Error(message);
  if (data && typeof data === "object") {
    if (data.error_code) err.code = err.error_code = data.error_code;
    if (data.meta !== undefined) err.meta = data.meta;
    err.is_panic = Boolean(data.is_panic);
  }
  return err;
}

/** Drops the engine's span trace ("   0: schema_engine_wasm::… at file.rs:167") from a message. */
function stripSpanTrace(message) {
  const lines = message.split("\n");
  const at = lines.findIndex((l) => /^\s*\d+: [a-z_]+::/.test(l));
  return (at === -1 ? lines : lines.slice(0, at)).join("\n").trim();
}

// ───────────────────────────── CLI (JSON-RPC over stdio + one-shot commands)

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, cli: undefined, version: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--datamodels" || a === "-d") args.datamodels.push(argv[++i]);
    else if (a === "--datasource") args.datasource = JSON.parse(argv[++i]);
    else if (a === "--enabled-preview-features" || a === "--extension-types") i++;
    else if (a === "--version" || a === "-V") args.version = true;
    else if (a === "--help" || a === "-h") args.help = true;
    else if (a === "cli") {
      args.cli = argv[++i];
      break;
    }
  }
  return args;
}

function logLine(level, message, extra = {}) {
  return JSON.stringify({
    timestamp: new Date().toISOString(),
    level,
    fields: { message, ...extra },
    target: "schema_engine::logger",
  });
}

async function runCli(argv) {
  const args = parseArgs(argv);
  const wasmPkg = JSON.parse(
    fs.readFileSync(path.join(path.dirname(resolveWasmGlue()), "package.json"), "utf8"),
  );
  if (args.version) {
    // "schema-engine-cli <commit>", like the native binary
    process.stdout.write(`schema-engine-cli ${wasmPkg.version.split(".").at(-1)} (wasm ${wasmPkg.version})\n`);
    return 0;
  }
  if (args.help) {
    process.stdout.write(
      "Prisma schema engine (WebAssembly stand-in)\n" +
        "  prisma-schema-engine [--datamodels FILE]… [--datasource JSON]      JSON-RPC on stdio\n" +
        "  prisma-schema-engine --datasource JSON cli can-connect-to-database|create-database|drop-database\n",
    );
    return 0;
  }
  const url = args.datasource?.url;
  const shadowDatabaseUrl = args.datasource?.shadowDatabaseUrl ?? args.datasource?.shadow_database_url;
  if (args.cli) return runOneShot(args.cli, url);
  return serveJsonRpc({ datamodels: args.datamodels, url, shadowDatabaseUrl });
}

// ── one-shot commands

async function runOneShot(command, url) {
  // the CLI drops the first stderr line before parsing the rest as JSON logs
  process.stderr.write(logLine("INFO", "Starting schema engine CLI (wasm stand-in)") + "\n");
  try {
    if (!url) throw Object.assign(new Error("No datasource URL given (--datasource)"), { errorCode: "P1012" });
    const target = describeUrl(url);
    switch (command) {
      case "can-connect-to-database":
        await connectOrExplain(url, target, async () => {});
        return 0;
      case "create-database": {
        const admin = withDatabase(url, target.database === "postgres" ? "template1" : "postgres");
        await connectOrExplain(admin, target, async (c) => {
          const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [target.database]);
          if (exists.rowCount) return;
          await createDatabaseUtf8(c, target.database);
        });
        process.stdout.write(`Database '${target.database}' was successfully created.\n`);
        return 0;
      }
      case "drop-database": {
        const admin = withDatabase(url, target.database === "postgres" ? "template1" : "postgres");
        await connectOrExplain(admin, target, (c) => c.query(`DROP DATABASE ${c.escapeIdentifier(target.database)}`));
        process.stdout.write(`The database '${target.database}' was successfully dropped.\n`);
        return 0;
      }
      default:
        throw new Error(`Unknown cli command: ${command}`);
    }
  } catch (e) {
    const extra = e.errorCode ? { error_code: e.errorCode } : {};
    process.stderr.write(logLine("ERROR", e.message, extra));
    return 1;
  }
}

/** UTF-8 from template0, LC_CTYPE C.UTF-8 when the server has it (pg_trgm needs it for Arabic). */
async function createDatabaseUtf8(client, name) {
  const ident = client.escapeIdentifier(name);
  try {
    await client.query(`CREATE DATABASE ${ident} ENCODING 'UTF8' TEMPLATE template0 LC_CTYPE 'C.UTF-8'`);
  } catch (e) {
    if (e.code === "42P04") return;
    if (e.code !== "22023" && !/locale|encoding/i.test(e.message)) throw e;
    await client.query(`CREATE DATABASE ${ident} ENCODING 'UTF8' TEMPLATE template0`);
  }
}

function describeUrl(url) {
  const u = new URL(url);
  return {
    host: u.hostname || "localhost",
    port: u.port || "5432",
    user: decodeURIComponent(u.username || process.env.USER || "postgres"),
    database: decodeURIComponent(u.pathname.replace(/^\//, "")) || "postgres",
  };
}

/** Connects to `url` and runs fn; maps failures to the native engine's P10xx errors. */
async function connectOrExplain(url, target, fn) {
  const where = `${target.host}:${target.port}`;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on("error", () => {});
  try {
    await client.connect();
  } catch (e) {
    const code = e.code;
    if (code === "3D000") {
      throw Object.assign(new Error(`Database \`${target.database}\` does not exist on the database server at \`${where}\`.`), {
        errorCode: "P1003",
      });
    }
    if (code === "28P01" || code === "28000") {
      throw Object.assign(
        new Error(
          `Authentication failed against database server, the provided database credentials for \`${target.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at the configured address.`,
        ),
        { errorCode: "P1000" },
      );
    }
    if (["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ECONNRESET"].includes(code) || /timeout/i.test(e.message)) {
      throw Object.assign(
        new Error(`Can't reach database server at \`${where}\`\n\nPlease make sure your database server is running at \`${where}\`.`),
        { errorCode: "P1001" },
      );
    }
    throw Object.assign(new Error(e.message), { errorCode: "P1001" });
  }
  try {
    await fn(client);
  } catch (e) {
    if (e.code === "42501") throw Object.assign(new Error(`User \`${target.user}\` was denied access on the database \`${target.database}\``), { errorCode: "P1010" });
    throw e;
  } finally {
    await client.end().catch(() => {});
  }
}

// ── JSON-RPC server

// SchemaEngine methods the CLI may call as is (same name, same params)
const ENGINE_METHODS = new Set([
  "applyMigrations",
  "createMigration",
  "dbExecute",
  "devDiagnostic",
  "diagnoseMigrationHistory",
  "diff",
  "ensureConnectionValidity",
  "evaluateDataLoss",
  "introspect",
  "introspectSql",
  "markMigrationApplied",
  "markMigrationRolledBack",
  "reset",
  "schemaPush",
]);

async function serveJsonRpc({ datamodels, url, shadowDatabaseUrl }) {
  const writeLog = (text) => {
    // engine logs are already JSON lines in the native format; keep stderr parseable
    for (const line of String(text).split("\n")) {
      if (!line.trim()) continue;
      try {
        JSON.parse(line);
        process.stderr.write(line + "\n");
      } catch {
        process.stderr.write(logLine("INFO", line) + "\n");
      }
    }
  };

  let handle;
  try {
    // no preflight: some commands (migrate diff --from-empty …) never touch the database
    handle = await createSchemaEngine({ datamodels, url, shadowDatabaseUrl, log: writeLog, preflight: false });
  } catch (e) {
    process.stderr.write(logLine("ERROR", e.message, e.error_code ? { error_code: e.error_code } : {}) + "\n");
    return 1;
  }
  const { engine } = handle;

  // An engine exception outside a request (guardEngineCall handles those during one):
  // report it the native way, an ERROR log line, and exit 1.
  let inFlight = false;
  process.on("uncaughtException", (e) => {
    if (inFlight && isEngineException(e)) return;
    process.stderr.write(logLine("ERROR", normalizeEngineError(e).message) + "\n");
    process.exit(1);
  });

  let shuttingDown = false;
  const shutdown = async (code) => {
    if (shuttingDown) return;
    shuttingDown = true;
    // the CLI sends SIGTERM and waits 2 s: drop shadow databases, end pools, go
    await Promise.race([handle.close(), new Promise((r) => setTimeout(r, 1500))]);
    process.exit(code);
  };
  process.on("SIGTERM", () => void shutdown(0));
  process.on("SIGINT", () => void shutdown(130));

  const methods = {
    getDatabaseVersion: (params) => engine.version(params ?? undefined),
    version: (params) => engine.version(params ?? undefined),
    createDatabase: async (params) => {
      const target = params?.datasource?.tag === "ConnectionString" ? params.datasource.url : url;
      const info = describeUrl(target);
      await connectOrExplain(withDatabase(target, "postgres"), info, async (c) => {
        const exists = await c.query("SELECT 1 FROM pg_database WHERE datname = $1", [info.database]);
        if (!exists.rowCount) await createDatabaseUtf8(c, info.database);
      });
      return { databaseName: info.database };
    },
    debugPanic: () => engine.debugPanic(),
    // The CLI prints what the engine asks it to print (a "print" request), not the diff
    // result: the native engine returns stdout: null and sends the script that way.
    diff: async (params) => {
      const result = await engine.diff(params);
      if (typeof result?.stdout === "string" && result.stdout !== "") {
        send({ jsonrpc: "2.0", id: nextPrintId++, method: "print", params: { content: result.stdout.replace(/\n$/, "") } });
      }
      return { ...result, stdout: null };
    },
    // evaluateDataLoss and createMigration fail with "PostgreSQL shadow DB must be provided
    // through an external factory" unless the engine's cache of "schema of the migrations"
    // was filled by devDiagnostic/diagnoseMigrationHistory for the same migrations (an
    // applyMigrations empties it: the `migrate dev` sequence). Fill it first when needed.
    evaluateDataLoss: async (params) => {
      await primeMigrationsCache(params);
      return engine.evaluateDataLoss(params);
    },
    createMigration: async (params) => {
      await primeMigrationsCache(params);
      return engine.createMigration(params);
    },
  };
  let primedFor; // JSON of the migrations list the cache was last filled for
  const CACHE_FILLERS = new Set(["devDiagnostic", "diagnoseMigrationHistory", "evaluateDataLoss", "createMigration"]);
  const primeMigrationsCache = async (params) => {
    const key = JSON.stringify(params?.migrationsList ?? null);
    if (!params?.migrationsList || primedFor === key) return;
    await engine.diagnoseMigrationHistory({
      migrationsList: params.migrationsList,
      optInToShadowDatabase: true,
      filters: params.filters ?? { externalTables: [], externalEnums: [] },
    });
    primedFor = key;
  };
  const afterCall = (method, params) => {
    primedFor = CACHE_FILLERS.has(method) && params?.migrationsList ? JSON.stringify(params.migrationsList) : undefined;
  };

  // SIJILL_ENGINE_TRACE=<file>: append every request and response (debugging aid)
  const traceFile = process.env.SIJILL_ENGINE_TRACE;
  const trace = (dir, text) => {
    if (traceFile) fs.appendFileSync(traceFile, `${new Date().toISOString()} ${dir} ${text.slice(0, 4000)}\n`);
  };
  trace("args", JSON.stringify({ datamodels, url: url && "<url>" }));
  const send = (msg) => {
    const text = JSON.stringify(msg);
    trace("<--", text);
    process.stdout.write(text + "\n");
  };
  const respond = send;
  let nextPrintId = 1_000_000; // ids of our requests to the CLI, apart from its own
  const errorResponse = (id, e) => {
    const err = e?.errorCode ? Object.assign(new Error(e.message), { error_code: e.errorCode }) : normalizeEngineError(e);
    if (!err.error_code && typeof err.code === "string" && /^P\d{4}$/.test(err.code)) err.error_code = err.code;
    return {
      jsonrpc: "2.0",
      id,
      error: {
        code: 4466,
        message: "An error happened. Check the data field for details.",
        data: {
          is_panic: Boolean(err.is_panic),
          message: err.message,
          ...(err.is_panic ? { error: { message: err.message } } : {}),
          ...(err.meta !== undefined ? { meta: err.meta } : {}),
          ...(err.error_code ? { error_code: err.error_code } : {}),
        },
      },
    };
  };

  // requests are handled one at a time, in order, like the native engine
  let queue = Promise.resolve();
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  rl.on("line", (line) => {
    if (!line.trim()) return;
    trace("-->", line);
    queue = queue.then(async () => {
      let req;
      try {
        req = JSON.parse(line);
      } catch {
        respond({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
        return;
      }
      const { id, method, params } = req;
      if (typeof method !== "string") return; // the CLI's answer to a "print" request
      try {
        const fn = methods[method] ?? (ENGINE_METHODS.has(method) ? (p) => engine[method](p) : undefined);
        if (!fn) {
          respond({ jsonrpc: "2.0", id, error: { code: -32601, message: `Method not found: ${method}` } });
          return;
        }
        inFlight = true;
        const result = await guardEngineCall(() => fn(params)).finally(() => {
          inFlight = false;
        });
        afterCall(method, params);
        respond({ jsonrpc: "2.0", id, result: result === undefined ? null : result });
      } catch (e) {
        primedFor = undefined;
        const response = errorResponse(id, e);
        respond(response);
        if (response.error.data.is_panic) {
          process.stderr.write(logLine("ERROR", response.error.data.message) + "\n");
          await Promise.race([handle.close(), new Promise((r) => setTimeout(r, 1000))]);
          process.exit(101);
        }
      }
    });
  });
  await new Promise((resolve) => rl.on("close", resolve));
  await queue;
  await handle.close();
  return 0;
}

// ───────────────────────────── entry point

function isMain() {
  if (!process.argv[1]) return false;
  try {
    return fs.realpathSync(process.argv[1]) === fs.realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isMain()) {
  runCli(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (e) => {
      process.stderr.write(logLine("ERROR", e?.stack ?? String(e)) + "\n");
      process.exit(1);
    },
  );
}
