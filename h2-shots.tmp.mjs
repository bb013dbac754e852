// ../../tmp/h2/shots.ts
import { chromium } from "playwright-core";

// tests/support/seed.ts
import { randomUUID } from "node:crypto";

// src/lib/server/db/index.ts
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { Kysely, SqliteDialect } from "kysely";
function openDatabase(path, synchronous = "NORMAL") {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new BetterSqlite3(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma(`synchronous = ${synchronous}`);
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  const db = new Kysely({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    sqlite,
    db,
    async close() {
      await db.destroy();
    }
  };
}

// src/lib/server/auth/tokens.ts
import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
var TOKEN_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789";
function generateSecureRandomString(length = 24) {
  const bytes = new Uint8Array(length);
  crypto.getRandomValues(bytes);
  let out = "";
  for (const byte of bytes) out += TOKEN_ALPHABET[byte >> 3];
  return out;
}
function hashSecret(secret) {
  return sha256(new TextEncoder().encode(secret));
}

// src/lib/server/auth/sessions.ts
var USER_INACTIVITY_MS = 7 * 24 * 36e5;
var USER_ABSOLUTE_MS = 30 * 24 * 36e5;
var GUEST_INACTIVITY_MS = 24 * 36e5;
async function createSession(db, input, now = Date.now()) {
  const id = generateSecureRandomString();
  const secret = generateSecureRandomString();
  await db.insertInto("sessions").values({
    id,
    secret_hash: hashSecret(secret),
    kind: input.kind,
    user_id: input.userId ?? null,
    participant_id: input.participantId ?? null,
    workshop_id: input.workshopId ?? null,
    created_at: now,
    last_verified_at: now,
    expires_at: input.expiresAt
  }).execute();
  return { id, token: `${id}.${secret}`, expiresAt: input.expiresAt };
}

// tests/support/seed.ts
async function seedWorkshop(databasePath, options = {}) {
  const { db, close } = openDatabase(databasePath);
  const now = Date.now();
  try {
    const userId = randomUUID();
    await db.insertInto("users").values({ id: userId, email: `f-${userId}@example.org`, name: "Anna Facylitatorka", password_hash: "x", role: "facilitator", created_at: now }).execute();
    const processId = randomUUID();
    await db.insertInto("strategy_processes").values({ id: processId, title: "Strategia Powiatu Piskiego 2025\u20132030", territory: "Powiat piski", period_from: 2025, period_to: 2030, created_by: userId, created_at: now }).execute();
    await db.insertInto("process_members").values({ process_id: processId, user_id: userId, role: "owner", added_at: now }).execute();
    const boardId = randomUUID();
    const otherBoardId = randomUUID();
    for (const [id, title] of [[boardId, "\u015Aciana pomys\u0142\xF3w"], [otherBoardId, "Tablica poza warsztatem"]]) {
      await db.insertInto("boards").values({ id, process_id: processId, kind: "ideas-wall", title, area: null, created_by: userId, created_at: now }).execute();
    }
    const workshopId = randomUUID();
    await db.insertInto("workshops").values({
      id: workshopId,
      process_id: processId,
      title: "Warsztat w Piszu",
      starts_at: options.startsAt ?? now - 36e5,
      ends_at: options.endsAt ?? now + 36e5,
      join_code: randomCode(),
      join_token: randomUUID().replaceAll("-", ""),
      observer_token: randomUUID().replaceAll("-", ""),
      created_by: userId,
      created_at: now
    }).execute();
    await db.insertInto("workshop_boards").values({ workshop_id: workshopId, board_id: boardId, position: 0 }).execute();
    const facilitator = await createSession(db, { kind: "user", userId, expiresAt: now + 864e5 });
    const guest = await addGuest(db, workshopId, "Jan z PCPR");
    const secondGuest = await addGuest(db, workshopId, "Ewa ze szko\u0142y");
    const observer = await createSession(db, { kind: "observer", workshopId, expiresAt: now + 864e5 });
    return { userId, processId, boardId, otherBoardId, workshopId, facilitator, guest, secondGuest, observer };
  } finally {
    await close();
  }
}
async function addGuest(db, workshopId, name) {
  const participantId = randomUUID();
  await db.insertInto("participants").values({ id: participantId, workshop_id: workshopId, display_name: name, institution: "PCPR w Piszu", sector: "social_assistance", joined_at: Date.now(), removed_at: null }).execute();
  const session = await createSession(db, { kind: "guest", participantId, workshopId, expiresAt: Date.now() + 864e5 });
  return { ...session, participantId };
}
function randomCode() {
  return randomUUID().replaceAll("-", "").slice(0, 8).toUpperCase();
}

// tests/support/server.ts
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
async function startServer(env = {}) {
  const dir = mkdtempSync(join(tmpdir(), "narada-test-"));
  const databasePath = join(dir, "narada.db");
  let child = null;
  const server2 = {
    url: "",
    port: 0,
    databasePath,
    setupCode: null,
    logs: [],
    async kill(signal = "SIGKILL") {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill(signal);
      await exited;
    },
    async restart() {
      await server2.kill();
      await boot(server2.port);
    },
    async stop() {
      await server2.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    }
  };
  async function boot(port) {
    child = spawn(process.execPath, [`${process.env.NARADA_BUILD_DIR || "build"}/server.js`], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: "127.0.0.1",
        DATABASE_PATH: databasePath,
        ORIGIN: port ? `http://127.0.0.1:${port}` : "",
        LOG_LEVEL: "info",
        BOARD_IDLE_SECONDS: "2",
        ...env
      },
      stdio: ["ignore", "pipe", "pipe"]
    });
    const listening = new Promise((resolve, reject) => {
      let buffer = "";
      const onData = (chunk) => {
        buffer += chunk.toString();
        let newline;
        while ((newline = buffer.indexOf("\n")) >= 0) {
          const line = buffer.slice(0, newline);
          buffer = buffer.slice(newline + 1);
          server2.logs.push(line);
          const code = /Setup code: ([A-Za-z0-9]+)/.exec(line);
          if (code) server2.setupCode = code[1];
          const listen = /Narada listening on port (\d+)/.exec(line);
          if (listen) resolve(Number(listen[1]));
        }
      };
      child.stdout.on("data", onData);
      child.stderr.on("data", (chunk) => server2.logs.push(chunk.toString()));
      child.once("exit", (code) => reject(new Error(`server exited (${code}):
${server2.logs.join("\n")}`)));
    });
    server2.port = await listening;
    server2.url = `http://127.0.0.1:${server2.port}`;
  }
  await boot(await freePort());
  return server2;
}
async function freePort() {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

// ../../tmp/h2/shots.ts
var OUT = "/work/main/test-results/ideas-wall-h2";
var server = await startServer();
var seeded = await seedWorkshop(server.databasePath);
var browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
async function ctx(token, viewport = { width: 1366, height: 800 }) {
  const c = await browser.newContext({ baseURL: server.url, viewport });
  await c.addCookies([{ name: "narada_session", value: token, url: server.url }]);
  return c;
}
async function open(c) {
  const p = await c.newPage();
  p.on("pageerror", (e) => console.log("PAGEERROR", e.message));
  await p.goto(`/boards/${seeded.boardId}`);
  await p.locator('[role="status"][data-state="connected"]').waitFor({ timeout: 15e3 });
  return p;
}
try {
  const jan = await open(await ctx(seeded.guest.token));
  const texts = ["Brak koordynacji mi\u0119dzy instytucjami", "D\u0142ugi czas oczekiwania na terapi\u0119 dla dzieci i m\u0142odzie\u017Cy", "Za ma\u0142o asystent\xF3w rodziny", "Rodziny nie wiedz\u0105, gdzie szuka\u0107 pomocy", "Rotacja kadry w OPS"];
  const colors = ["yellow", "pink", "blue", "green", "orange"];
  for (let i = 0; i < texts.length; i++) {
    await jan.getByRole("button", { name: "Dodaj notatk\u0119" }).click();
    const ta = jan.getByLabel("Tre\u015B\u0107 notatki");
    await ta.pressSequentially(texts[i]);
    await ta.press("Escape");
    for (let k = 0; k < 3; k++) await jan.keyboard.press(i % 2 ? "Shift+ArrowRight" : "Shift+ArrowLeft");
    for (let k = 0; k < i; k++) await jan.keyboard.press("Shift+ArrowDown");
    await jan.waitForTimeout(800);
    await jan.locator("[data-testid=note]:focus select").selectOption(colors[i]).catch((e) => console.log("select", e.message));
  }
  const ewa = await open(await ctx(seeded.secondGuest.token));
  const fac = await open(await ctx(seeded.facilitator.token));
  await jan.waitForTimeout(1e3);
  const note = ewa.getByTestId("note").first();
  const box = await note.boundingBox();
  await ewa.mouse.move(box.x + 60, box.y + 30);
  await ewa.mouse.down();
  await ewa.mouse.move(box.x + 160, box.y + 120, { steps: 8 });
  await jan.waitForTimeout(500);
  await jan.screenshot({ path: `${OUT}/laptop-jan-sees-ewa-drag.png` });
  await ewa.mouse.up();
  await jan.getByTestId("note").nth(1).focus();
  await jan.keyboard.press("Enter");
  await jan.waitForTimeout(300);
  await jan.screenshot({ path: `${OUT}/laptop-editing.png` });
  await jan.keyboard.press("Escape");
  await jan.keyboard.press("Delete");
  await jan.waitForTimeout(300);
  await jan.screenshot({ path: `${OUT}/laptop-deleted-toast.png` });
  const obs = await open(await ctx(seeded.observer.token, { width: 1920, height: 1080 }));
  await obs.waitForTimeout(500);
  await obs.screenshot({ path: `${OUT}/projector-observer.png` });
  const phone = await open(await ctx(seeded.guest.token, { width: 390, height: 844 }));
  await phone.screenshot({ path: `${OUT}/phone.png`, fullPage: true });
  console.log("fac notes", await fac.getByTestId("note").count());
  const en = await ctx(seeded.secondGuest.token);
  await en.addCookies([{ name: "PARAGLIDE_LOCALE", value: "en", url: server.url }]);
  const enPage = await open(en);
  await enPage.screenshot({ path: `${OUT}/laptop-en.png` });
} finally {
  await browser.close();
  await server.stop();
}
