// Issue 12 item 3 against `next start` (fetch only, no browser): every kind of request the kiosk
// refuses (bad-requests.ts) — foreign or broken origins, malformed action ids and reply bodies,
// oversized bodies, route handlers under app/api and app/receipts — is answered 4xx with no stack
// in the body, and no row of any table changes. Each answered 500 before app/_edge/request-guard.ts.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { badRequests, kioskActionId } from "./bad-requests";
import { BASE_URL, queryAll } from "./support";

const root = path.resolve(__dirname, "../..");

/** Row count of every table of the kiosk's database. */
function rowCounts(): Record<string, number> {
  const tables = queryAll<{ name: string }>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  return Object.fromEntries(
    tables.map(({ name }) => [name, queryAll<{ n: number }>(`SELECT COUNT(*) AS n FROM "${name}"`)[0]!.n]),
  );
}

describe("bad requests answer 4xx, never 500, and change nothing (issue 12 item 3)", () => {
  it("answers each refused request kind 4xx without a stack, and no row changes", async () => {
    const before = rowCounts();
    const answers: string[] = [];
    for (const bad of badRequests(BASE_URL, kioskActionId(root))) {
      const response = await fetch(BASE_URL + bad.path, { ...bad.init, redirect: "manual" });
      const body = await response.text();
      const stack = /\n\s+at |Error:|node_modules/.test(body);
      const ok = response.status >= 400 && response.status < 500 && !stack;
      answers.push(`${ok ? "ok " : "BAD"} ${response.status} ${bad.name}${stack ? " (stack in body)" : ""}`);
    }
    expect(answers.filter((a) => a.startsWith("BAD"))).toEqual([]);
    expect(rowCounts()).toEqual(before);
  });
});
