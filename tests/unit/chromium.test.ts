import { describe, expect, it } from "vitest";
import {
  aptUnavailableReason,
  chromiumInstallPlan,
  ensureChromium,
  isDebianLike,
  resolveChromium,
  type InstallStep,
} from "../e2e/chromium.mjs";

const DEBIAN_OS_RELEASE = `PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"
NAME="Debian GNU/Linux"
VERSION_ID="12"
ID=debian
`;
const UBUNTU_OS_RELEASE = `NAME="Ubuntu"
ID=ubuntu
ID_LIKE=debian
`;
const MINT_OS_RELEASE = `NAME="Linux Mint"
ID=linuxmint
ID_LIKE="ubuntu debian"
`;
const FEDORA_OS_RELEASE = `NAME="Fedora Linux"
ID=fedora
`;

const MANAGED = "/root/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome";
const PATH = "/usr/local/bin:/usr/bin:/bin";

/** A machine whose files are exactly `files` (a mutable set, so an install can add one). */
const machine = (files: Iterable<string>) => {
  const present = new Set(files);
  return { present, exists: (file: string) => present.has(file) };
};

describe("resolveChromium", () => {
  it("finds no browser when CHROMIUM_PATH points nowhere and /usr/bin/chromium is hidden", () => {
    const { exists } = machine([]);
    expect(resolveChromium({ CHROMIUM_PATH: "/nowhere/chromium" }, exists, () => MANAGED)).toBeNull();
  });

  it("takes CHROMIUM_PATH first, then /usr/bin/chromium, then Playwright's managed browser", () => {
    const all = machine(["/opt/chrome", "/usr/bin/chromium", MANAGED]).exists;
    expect(resolveChromium({ CHROMIUM_PATH: "/opt/chrome" }, all, () => MANAGED)).toBe("/opt/chrome");
    expect(resolveChromium({ CHROMIUM_PATH: "/nowhere" }, all, () => MANAGED)).toBe("/usr/bin/chromium");
    expect(resolveChromium({}, machine([MANAGED]).exists, () => MANAGED)).toBeUndefined();
  });

  it("uses the injected exists for Playwright's managed browser too", () => {
    // With the real managed path but nothing existing, the answer is null whatever this machine has.
    expect(resolveChromium({ CHROMIUM_PATH: "/nowhere" }, () => false)).toBeNull();
  });
});

describe("where Debian's package may be installed", () => {
  it("recognises Debian and its derivatives from os-release", () => {
    expect(isDebianLike(DEBIAN_OS_RELEASE)).toBe(true);
    expect(isDebianLike(UBUNTU_OS_RELEASE)).toBe(true);
    expect(isDebianLike(MINT_OS_RELEASE)).toBe(true);
    expect(isDebianLike(FEDORA_OS_RELEASE)).toBe(false);
    expect(isDebianLike(null)).toBe(false);
  });

  it("needs Debian (os-release or /etc/debian_version), apt-get on PATH, and root", () => {
    const apt = machine(["/usr/bin/apt-get"]).exists;
    const facts = { env: { PATH }, exists: apt, uid: 0, osRelease: DEBIAN_OS_RELEASE };
    expect(aptUnavailableReason(facts)).toBeNull();
    expect(
      aptUnavailableReason({
        ...facts,
        osRelease: null,
        exists: machine(["/usr/bin/apt-get", "/etc/debian_version"]).exists,
      }),
    ).toBeNull();
    expect(aptUnavailableReason({ ...facts, osRelease: FEDORA_OS_RELEASE })).toBe("not Debian/Ubuntu");
    expect(aptUnavailableReason({ ...facts, exists: () => false })).toBe("no apt-get on PATH");
    expect(aptUnavailableReason({ ...facts, uid: 1000 })).toBe("not running as root");
    expect(aptUnavailableReason({ ...facts, uid: undefined })).toBe("not running as root");
  });
});

describe("chromiumInstallPlan", () => {
  const commands = (facts: Parameters<typeof chromiumInstallPlan>[0]) =>
    chromiumInstallPlan(facts).map((a) => a.steps.map((s) => [s.command, ...s.args].join(" ")));

  it("tries Playwright's download, then apt-get as root on Debian", () => {
    const plan = chromiumInstallPlan({
      env: { PATH },
      exists: machine(["/usr/bin/apt-get"]).exists,
      uid: 0,
      osRelease: DEBIAN_OS_RELEASE,
    });
    expect(plan.map((a) => a.steps.map((s) => [s.command, ...s.args].join(" ")))).toEqual([
      ["npx playwright install chromium"],
      ["apt-get update", "apt-get install -y chromium"],
    ]);
    // Every step has a time limit; Playwright's download gives up on a dead connection quickly.
    for (const step of plan.flatMap((a) => a.steps)) expect(step.timeoutMs).toBeGreaterThan(0);
    const download = plan[0]!.steps[0]!;
    expect(download.timeoutMs).toBeLessThanOrEqual(5 * 60_000);
    expect(Number(download.env?.PLAYWRIGHT_DOWNLOAD_CONNECTION_TIMEOUT)).toBeLessThanOrEqual(30_000);
    expect(plan[1]!.steps[1]!.env).toEqual({ DEBIAN_FRONTEND: "noninteractive" });
  });

  it("only tries Playwright's download when not root, not Debian, or without apt-get", () => {
    const apt = machine(["/usr/bin/apt-get"]).exists;
    const only = [["npx playwright install chromium"]];
    expect(commands({ env: { PATH }, exists: apt, uid: 1000, osRelease: DEBIAN_OS_RELEASE })).toEqual(only);
    expect(commands({ env: { PATH }, exists: apt, uid: 0, osRelease: FEDORA_OS_RELEASE })).toEqual(only);
    expect(commands({ env: { PATH }, exists: () => false, uid: 0, osRelease: DEBIAN_OS_RELEASE })).toEqual(
      only,
    );
  });
});

describe("ensureChromium", () => {
  const debianRoot = (files: string[]) => {
    const m = machine(files);
    const ran: string[] = [];
    const log: string[] = [];
    return {
      m,
      ran,
      log,
      facts: {
        env: { PATH, CHROMIUM_PATH: "/nowhere/chromium" },
        exists: m.exists,
        uid: 0,
        osRelease: DEBIAN_OS_RELEASE,
        managed: () => MANAGED,
        log: (line: string) => void log.push(line),
      },
      record: (step: InstallStep) => ran.push([step.command, ...step.args].join(" ")),
    };
  };

  it("installs nothing when a browser is there", async () => {
    const t = debianRoot(["/usr/bin/chromium", "/usr/bin/apt-get"]);
    const run = async (step: InstallStep) => (t.record(step), true);
    await expect(ensureChromium({ ...t.facts, run })).resolves.toBe("/usr/bin/chromium");
    expect(t.ran).toEqual([]);
  });

  it("falls back on apt-get when Playwright's download fails (offline), and says so", async () => {
    const t = debianRoot(["/usr/bin/apt-get"]);
    const run = async (step: InstallStep) => {
      t.record(step);
      if (step.command === "npx") return false; // offline
      if (step.args[0] === "install") t.m.present.add("/usr/bin/chromium");
      return true;
    };
    await expect(ensureChromium({ ...t.facts, run })).resolves.toBe("/usr/bin/chromium");
    expect(t.ran).toEqual([
      "npx playwright install chromium",
      "apt-get update",
      "apt-get install -y chromium",
    ]);
    expect(t.log.join("\n")).toMatch(/No Chromium found/);
    expect(t.log.join("\n")).toMatch(/Trying Debian's chromium/);
  });

  it("stops at Playwright's download when it works", async () => {
    const t = debianRoot(["/usr/bin/apt-get"]);
    const run = async (step: InstallStep) => (t.record(step), t.m.present.add(MANAGED), true);
    await expect(ensureChromium({ ...t.facts, run })).resolves.toBeUndefined();
    expect(t.ran).toEqual(["npx playwright install chromium"]);
  });

  it("gives up with null when neither works", async () => {
    const t = debianRoot(["/usr/bin/apt-get"]);
    const run = async (step: InstallStep) => (t.record(step), step.args[0] !== "update");
    await expect(ensureChromium({ ...t.facts, run })).resolves.toBeNull();
    // apt-get update failed, so install was not attempted.
    expect(t.ran).toEqual(["npx playwright install chromium", "apt-get update"]);
  });

  it("does not reach for apt-get when not root, and says why", async () => {
    const t = debianRoot(["/usr/bin/apt-get"]);
    const run = async (step: InstallStep) => (t.record(step), false);
    await expect(ensureChromium({ ...t.facts, uid: 1000, run })).resolves.toBeNull();
    expect(t.ran).toEqual(["npx playwright install chromium"]);
    expect(t.log.join("\n")).toMatch(/apt-get not tried: not running as root/);
  });
});
