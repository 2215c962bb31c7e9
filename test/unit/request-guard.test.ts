// Issue 12 item 3: app/_edge/request-guard.ts refuses, before Next decodes them, the requests Next
// would answer 500 to — each kind here answered 500 from `next start` before the guard (see
// test/e2e/bad-requests.e2e.ts for the same requests against the server) — and lets the kiosk's
// own requests through untouched.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { ACTION_BODY_LIMIT_BYTES, guardRequest } from "@/app/_edge/request-guard";

const require = createRequire(import.meta.url);
const BASE = "http://127.0.0.1:3000";
const ID = "40" + "a".repeat(40);

function post(body: BodyInit | null, headers: Record<string, string>, path = "/"): Request {
  return new Request(BASE + path, { method: "POST", headers, body });
}
const action = (body: BodyInit, headers: Record<string, string> = {}) =>
  post(body, {
    "Next-Action": ID,
    "Content-Type": "text/plain;charset=UTF-8",
    Origin: BASE,
    Host: "127.0.0.1:3000",
    ...headers,
  });

async function status(request: Request): Promise<number | null> {
  const refused = await guardRequest(request);
  if (!refused) return null;
  const text = await refused.text();
  expect(text).not.toMatch(/\bat |Error|stack/);
  return refused.status;
}

describe("request guard (issue 12 item 3): 4xx before Next, never 500", () => {
  it("lets the kiosk's own action calls through: plain JSON arguments and a multipart form", async () => {
    expect(await status(action('["$$money", {"a": [1, "$undefined", "$D2026-01-01T00:00:00.000Z"]}]'))).toBe(
      null,
    );
    const form = new FormData();
    form.append("0", '["$undefined", "$K1"]');
    form.append("1_file", new Blob(["a,b"]), "q.csv");
    const multipart = new Request(BASE + "/staff/qualifications", {
      method: "POST",
      headers: { "Next-Action": ID, Origin: BASE, Host: "127.0.0.1:3000" },
      body: form,
    });
    expect(await status(multipart)).toBe(null);
  });

  it("lets safe methods and same-origin route POSTs through", async () => {
    expect(await status(new Request(BASE + "/api/card"))).toBe(null);
    expect(await status(post("{}", { Origin: BASE, Host: "127.0.0.1:3000" }, "/api/sim-reader"))).toBe(null);
    expect(await status(post("{}", {}, "/api/sim-reader"))).toBe(null);
  });

  it.each([
    ["another origin", { Origin: "http://evil.example" }],
    ["another port of the same host (same-site)", { Origin: "http://127.0.0.1:1" }],
    ["Origin: null", { Origin: "null" }],
    ["an Origin that is no URL", { Origin: "::::" }],
    ["Sec-Fetch-Site: cross-site", { "Sec-Fetch-Site": "cross-site" }],
    ["Sec-Fetch-Site: same-site", { "Sec-Fetch-Site": "same-site" }],
  ])("refuses an action from %s with 403", async (_name, headers) => {
    expect(await status(action('["x"]', headers))).toBe(403);
  });

  it("compares the Origin with x-forwarded-host first, as Next does", async () => {
    expect(await status(action('["x"]', { "X-Forwarded-Host": "kiosk.example" }))).toBe(403);
    expect(
      await status(action('["x"]', { Origin: "https://kiosk.example", "X-Forwarded-Host": "kiosk.example" })),
    ).toBe(null);
  });

  it("refuses Origin: null on route handlers too (sim-reader answered 500, 20 of 20)", async () => {
    expect(await status(post("{}", { Origin: "null" }, "/api/sim-reader"))).toBe(403);
    expect(await status(post("a=b", { Origin: "null" }, "/api/auth/callback/credentials"))).toBe(403);
  });

  it.each([
    ["a malformed action id", action('["x"]', { "Next-Action": "not-an-id" })],
    ["an action body of application/json", action('["x"]', { "Content-Type": "application/json" })],
    ["a body that is no JSON", action('["x"')],
    ["a body that is no array", action('{"a":1}')],
    ["a reference to a row that is not there", action('["$1"]')],
    ["a server reference", action('["$h1"]')],
    ["a temporary reference", action('["$T"]')],
    ["a BigInt that is none", action('["$nabc"]')],
    ["a body nested 5000 deep", action("[".repeat(5000) + "]".repeat(5000))],
    [
      "a multipart body that is no multipart",
      action("garbage", { "Content-Type": "multipart/form-data; boundary=x" }),
    ],
  ])("refuses %s with 400", async (_name, request) => {
    expect(await status(request)).toBe(400);
  });

  it("refuses a multipart reply with a field name busboy cannot read back (empty: React would throw, 500)", async () => {
    for (const name of ["", "\\", 'a"b', "ä", "a\u0000b"]) {
      const form = new FormData();
      form.append("0", '["$undefined"]');
      form.append(name, "x");
      const request = new Request(BASE + "/", {
        method: "POST",
        headers: { "Next-Action": ID, Origin: BASE, Host: "127.0.0.1:3000" },
        body: form,
      });
      expect(await status(request), JSON.stringify(name)).toBe(400);
    }
  });

  it("refuses a multipart reply that gives one row twice, under any name React reads as it, or a stream row (React would throw: 500)", async () => {
    for (const twice of ["0", "1", "01", " 1", "1e0", "S1"]) {
      const form = new FormData();
      form.append("0", '["$1"]');
      form.append("1", "[]");
      form.append(twice, "[]");
      const request = new Request(BASE + "/", {
        method: "POST",
        headers: { "Next-Action": ID, Origin: BASE, Host: "127.0.0.1:3000" },
        body: form,
      });
      expect(await status(request)).toBe(400);
    }
  });

  it("refuses a multipart reply without its root row or with a missing row", async () => {
    for (const fields of [{ "1": "[]" }, { "0": '["$Q5"]' }]) {
      const form = new FormData();
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      const request = new Request(BASE + "/", {
        method: "POST",
        headers: { "Next-Action": ID, Origin: BASE, Host: "127.0.0.1:3000" },
        body: form,
      });
      expect(await status(request)).toBe(400);
    }
  });

  it("refuses a broken multipart form POST without JS (Next parses it first) with 400", async () => {
    const request = post("--x\r\nbroken", {
      "Content-Type": "multipart/form-data; boundary=x",
      Origin: BASE,
      Host: "127.0.0.1:3000",
    });
    expect(await status(request)).toBe(400);
  });

  it("refuses a path Next cannot decode (/receipts/%E0) with 400", async () => {
    expect(await status(new Request(BASE + "/receipts/%00%E0"))).toBe(400);
  });

  it("refuses bodies over the limits with 413: 11 MB for actions, 64 KB elsewhere", async () => {
    expect(await status(action(`["${"a".repeat(ACTION_BODY_LIMIT_BYTES)}"]`))).toBe(413);
    const big = post("a".repeat(65 * 1024), { Origin: BASE, Host: "127.0.0.1:3000" }, "/api/sim-reader");
    expect(await status(big)).toBe(413);
  });

  it("refuses with 413 a body without Content-Length that fills the proxy's buffer: Next cut it there", async () => {
    // what the proxy is handed of a chunked body of 11 MB or more: its first 11 MB, a valid reply here
    const cut = `["${"a".repeat(ACTION_BODY_LIMIT_BYTES - 10)}"]`.padEnd(ACTION_BODY_LIMIT_BYTES, " ");
    expect(await status(action(cut))).toBe(413);
    // one byte less was not cut: a reply like any other
    expect(await status(action(cut.slice(0, -1)))).toBe(null);
  });

  it("keeps its action limit equal to next.config.js's serverActions.bodySizeLimit and proxyClientMaxBodySize", () => {
    const config = require("../../next.config.js") as {
      experimental: { serverActions: { bodySizeLimit: string }; proxyClientMaxBodySize: string };
    };
    const bytes = require("next/dist/compiled/bytes") as { parse: (v: string) => number };
    expect(bytes.parse(config.experimental.serverActions.bodySizeLimit)).toBe(ACTION_BODY_LIMIT_BYTES);
    expect(bytes.parse(config.experimental.proxyClientMaxBodySize)).toBe(ACTION_BODY_LIMIT_BYTES);
  });
});
