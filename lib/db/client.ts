/**
 * The process-wide database: opened once (a globalThis singleton, so dev hot reload does not open a
 * second PGlite on the same directory), migrated before first use.
 * DATABASE_URL set -> that PostgreSQL server; unset -> embedded PGlite in ATTEST_DATA_DIR (default .data/).
 */
import "server-only";
import path from "node:path";
import { openDatabase, type OpenDatabase, type DatabaseConfig } from "./engine";
import type { PrismaClient } from "@/lib/generated/prisma/client";

export type Db = PrismaClient;
/** A client usable inside `$transaction(async (tx) => ...)`. */
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

const holder = globalThis as unknown as { __attestDb?: Promise<OpenDatabase> };

export function dataDir(): string {
  return path.resolve(process.env.ATTEST_DATA_DIR ?? path.join(/*turbopackIgnore: true*/ process.cwd(), ".data"));
}

export function configFromEnv(): DatabaseConfig {
  const url = process.env.DATABASE_URL;
  if (url) return { engine: "postgres", url };
  return { engine: "pglite", dataDir: path.join(dataDir(), "pglite") };
}

export async function getOpenDatabase(): Promise<OpenDatabase> {
  if (process.env.NEXT_PHASE === "phase-production-build") {
    throw new Error("The database must not be opened while building: mark the route dynamic.");
  }
  holder.__attestDb ??= openDatabase(configFromEnv()).catch((err) => {
    holder.__attestDb = undefined;
    throw err;
  });
  return holder.__attestDb;
}

export async function getDb(): Promise<Db> {
  return (await getOpenDatabase()).prisma;
}

/** Tests install their own database (a fresh PGlite or a scratch PostgreSQL database). */
export function setDatabaseForTests(db: OpenDatabase | undefined): void {
  holder.__attestDb = db ? Promise.resolve(db) : undefined;
}
