// The layers of README's architecture section, checked on the import graph of the sources: no
// import circle (between files, or between the rooms of app/_server), and no arrow upward.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { circles, importGraph, type ImportEdge } from "../support/imports";

const root = path.resolve(__dirname, "../..");
const { files, edges } = importGraph(root);

/** app/_server/<room>/… → the room; a file directly in app/_server is in the room "(root)". */
function serverRoom(file: string): string | null {
  if (!file.startsWith("app/_server/")) return null;
  const parts = file.slice("app/_server/".length).split("/");
  return parts.length > 1 ? parts[0]! : "(root)";
}

function edgesFrom(prefix: string): ImportEdge[] {
  return edges.filter((e) => e.from.startsWith(prefix));
}

function outside(list: ImportEdge[], allowed: (e: ImportEdge) => boolean): string[] {
  return list.filter((e) => !allowed(e)).map((e) => `${e.from} → ${e.to}`);
}

describe("architecture", () => {
  it("reads the sources (the graph is not empty)", () => {
    expect(files.length).toBeGreaterThan(100);
    expect(
      edges.some((e) => e.from === "app/actions.ts" && e.to === "app/_server/flows/registration.ts"),
    ).toBe(true);
  });

  it("has no import circle between files", () => {
    expect(circles(files, edges)).toEqual([]);
  });

  it("has no import circle between the rooms of app/_server (card/, flows/, visit/ …)", () => {
    const roomEdges = edges
      .map((e) => ({ from: serverRoom(e.from), to: serverRoom(e.to) }))
      .filter((e): e is { from: string; to: string } => !!e.from && !!e.to && e.from !== e.to);
    const rooms = [...new Set(files.map(serverRoom).filter((r): r is string => r !== null))];
    expect(rooms).toEqual(expect.arrayContaining(["card", "flows", "visit", "(root)"]));
    expect(circles(rooms, roomEdges)).toEqual([]);
  });

  it("app/_shared imports only itself: both the browser and the server load it", () => {
    expect(outside(edgesFrom("app/_shared/"), (e) => e.to.startsWith("app/_shared/"))).toEqual([]);
  });

  it("machines/ import no I/O: only machines/ and types from app/_shared", () => {
    const allowed = (e: ImportEdge) =>
      e.to.startsWith("machines/") || (e.typeOnly && e.to.startsWith("app/_shared/"));
    expect(outside(edgesFrom("machines/"), allowed)).toEqual([]);
  });

  it("kiosk/ (the hardware) imports nothing of app/ or machines/", () => {
    const allowed = (e: ImportEdge) => e.to.startsWith("kiosk/") || e.to.startsWith("prisma/");
    expect(outside(edgesFrom("kiosk/"), allowed)).toEqual([]);
  });

  it("app/_server never imports the screens, the routes or the actions above it", () => {
    const allowed = (e: ImportEdge) =>
      ["app/_server/", "app/_shared/", "prisma/", "kiosk/", "machines/"].some((p) => e.to.startsWith(p));
    expect(outside(edgesFrom("app/_server/"), allowed)).toEqual([]);
  });

  it("the screens (app/_ui) reach the server only through the server actions", () => {
    const allowed = (e: ImportEdge) =>
      e.to === "app/actions.ts" || ["app/_ui/", "app/_shared/", "machines/"].some((p) => e.to.startsWith(p));
    expect(outside(edgesFrom("app/_ui/"), allowed)).toEqual([]);
  });

  it("only app/_server (and prisma/ itself, and the demo launcher) import the Prisma client", () => {
    const users = edges
      .filter((e) => e.to.startsWith("prisma/client") || e.to.startsWith("prisma/generated"))
      .filter((e) => !e.from.startsWith("app/_server/") && !e.from.startsWith("prisma/"))
      .map((e) => e.from);
    expect(users).toEqual(["kiosk/demo.ts"]);
  });

  it("issue 13 item 1: the kiosk page's client code loads no zod, no server code, no Prisma", () => {
    // what the browser runs: app/_ui/Kiosk.tsx and its value imports; a "use server" module (the
    // actions) reaches the browser as references only, so the walk stops there
    const useServer = (file: string) =>
      /^\s*["']use server["']/.test(fs.readFileSync(path.join(root, file), "utf8"));
    const reached = new Set(["app/_ui/Kiosk.tsx"]);
    for (const file of reached) {
      if (useServer(file)) continue;
      for (const e of edges) if (e.from === file && !e.typeOnly) reached.add(e.to);
    }
    expect(reached).toContain("app/_shared/form-rules.ts");
    expect(reached).toContain("machines/index.ts");
    const forbidden = [...reached].filter(
      (f) =>
        ["app/_shared/zod.ts", "app/_shared/schemas.ts", "app/_shared/text-field.ts"].includes(f) ||
        f.startsWith("app/_server/") ||
        f.startsWith("prisma/") ||
        f.startsWith("kiosk/"),
    );
    expect(forbidden).toEqual([]);
  });

  it("issue 13 item 1: screen 1's first load (no import() followed) runs no xstate and no machine", () => {
    // the kiosk actor is fetched after hydration (Kiosk.tsx useKioskActor): only the machines'
    // types and the access modes' defaults (machines/kiosk.types.ts) are in the first load
    const reached = new Set(["app/_ui/Kiosk.tsx"]);
    for (const file of reached) {
      if (/^\s*["']use server["']/.test(fs.readFileSync(path.join(root, file), "utf8"))) continue;
      for (const e of edges) if (e.from === file && !e.typeOnly && !e.lazy) reached.add(e.to);
    }
    expect(reached).toContain("app/_ui/kioskPort.ts");
    expect(reached).toContain("app/_ui/screens/Select.tsx");
    const xstateValue = /^\s*import\s+(?!type\b)[^;]*from\s*["'](xstate|@xstate\/react)["']/m;
    const running = [...reached].filter(
      (f) =>
        (f.startsWith("machines/") && f !== "machines/kiosk.types.ts") ||
        xstateValue.test(fs.readFileSync(path.join(root, f), "utf8")),
    );
    expect(running).toEqual([]);
    // … and the walk follows what it should: the actor is one import() away
    expect(edges).toContainEqual(
      expect.objectContaining({ from: "app/_ui/Kiosk.tsx", to: "app/_ui/kioskActor.ts", lazy: true }),
    );
  });
});
