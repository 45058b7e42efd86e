import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { acquireBundleLock, bundleLockPath } from "../../src/bundle/bundle-lock.js";
import { BundleLockedError } from "../../src/errors.js";
import { useTempDirs } from "./temp-dir.js";

const makeTempDir = useTempDirs();
const holdLockScript = join(dirname(fileURLToPath(import.meta.url)), "fixtures", "hold-lock.ts");

async function lockedError(bundle: string): Promise<BundleLockedError> {
  const error: unknown = await acquireBundleLock(bundle).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof BundleLockedError))
    throw new Error(`expected BundleLockedError, got ${String(error)}`);
  return error;
}

/** The pid of a process that has run and exited: certainly not alive any more. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await once(child, "exit");
  if (child.pid === undefined) throw new Error("child had no pid");
  return child.pid;
}

async function writeLock(bundle: string, holder: object | string): Promise<void> {
  await mkdir(join(bundle, ".okf"), { recursive: true });
  await writeFile(
    bundleLockPath(bundle),
    typeof holder === "string" ? holder : JSON.stringify(holder),
  );
}

/** Starts another process that takes the lock, and resolves once it holds it. */
async function lockInOtherProcess(bundle: string, mode = "hold"): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", holdLockScript, bundle, mode], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const [data] = (await once(child.stdout, "data")) as [Buffer];
  expect(data.toString()).toBe("locked\n");
  return child;
}

describe("acquireBundleLock", () => {
  it("refuses a second holder, naming the lock file and the holder, until released", async () => {
    const bundle = await makeTempDir();
    const release = await acquireBundleLock(bundle);
    const holder = JSON.parse(await readFile(bundleLockPath(bundle), "utf8")) as Record<
      string,
      unknown
    >;
    expect(holder).toMatchObject({ pid: process.pid, host: hostname() });

    const error = await lockedError(bundle);
    expect(error.message).toContain(bundleLockPath(bundle));
    expect(error.message).toContain(`process ${process.pid} on host ${hostname()}`);
    expect(error.message).toContain(`started ${String(holder.startedAt)}`);
    expect(error.hint).toMatch(/^Wait for that run to finish/);
    expect(error.hint).toContain(`delete ${bundleLockPath(bundle)}`);
    expect(error.exitCode).toBe(2);

    await release();
    await release(); // idempotent
    const again = await acquireBundleLock(bundle);
    await again();
    expect(await readdir(join(bundle, ".okf"))).toEqual([]);
  });

  it("lets exactly one of many simultaneous attempts win", async () => {
    const bundle = await makeTempDir();
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => acquireBundleLock(bundle)),
    );
    const winners = results.filter((r) => r.status === "fulfilled");
    expect(winners).toHaveLength(1);
    for (const r of results) {
      if (r.status === "rejected") expect(r.reason).toBeInstanceOf(BundleLockedError);
    }
    await winners[0]?.value();
  });

  it("refuses while another process holds the lock, and takes it over once that process is killed", async () => {
    const bundle = await makeTempDir();
    const child = await lockInOtherProcess(bundle);
    try {
      const error = await lockedError(bundle);
      expect(error.message).toContain(`process ${String(child.pid)} on host ${hostname()}`);
    } finally {
      child.kill("SIGKILL");
      await once(child, "exit");
    }
    // SIGKILL gave the holder no chance to clean up: the lock file is still there, but stale.
    expect(await readFile(bundleLockPath(bundle), "utf8")).toContain(`"pid": ${String(child.pid)}`);
    const release = await acquireBundleLock(bundle);
    expect(await readFile(bundleLockPath(bundle), "utf8")).toContain(`"pid": ${process.pid}`);
    await release();
  });

  it("is removed when the holding process exits without releasing it", async () => {
    const bundle = await makeTempDir();
    const child = await lockInOtherProcess(bundle, "exit");
    const code = child.exitCode ?? ((await once(child, "exit")) as [number])[0];
    expect(code).toBe(0);
    expect(await readdir(join(bundle, ".okf"))).toEqual([]);
  });

  it("takes over a lock left by a process that no longer exists on this host", async () => {
    const bundle = await makeTempDir();
    const pid = await deadPid();
    await writeLock(bundle, { pid, host: hostname(), startedAt: "2026-01-01T00:00:00.000Z" });
    const release = await acquireBundleLock(bundle);
    const holder = JSON.parse(await readFile(bundleLockPath(bundle), "utf8")) as { pid: number };
    expect(holder.pid).toBe(process.pid);
    await release();
    expect(await readdir(join(bundle, ".okf"))).toEqual([]);
  });

  it("does not guess about a holder on another host", async () => {
    const bundle = await makeTempDir();
    const pid = await deadPid();
    await writeLock(bundle, { pid, host: "ci-runner-7", startedAt: "2026-01-01T00:00:00.000Z" });
    const error = await lockedError(bundle);
    expect(error.message).toContain(
      `process ${pid} on host ci-runner-7, started 2026-01-01T00:00:00.000Z`,
    );
  });

  it("refuses an unreadable lock file and says so", async () => {
    const bundle = await makeTempDir();
    await writeLock(bundle, "not json");
    const error = await lockedError(bundle);
    expect(error.message).toContain("unknown holder");
    expect(await readFile(bundleLockPath(bundle), "utf8")).toBe("not json");
  });

  it("does not remove a lock that another process took over after a release", async () => {
    const bundle = await makeTempDir();
    const release = await acquireBundleLock(bundle);
    const other = { pid: process.pid, host: "elsewhere", startedAt: "2026-01-01T00:00:00.000Z" };
    await writeLock(bundle, other);
    await release();
    expect(JSON.parse(await readFile(bundleLockPath(bundle), "utf8"))).toEqual(other);
  });
});
