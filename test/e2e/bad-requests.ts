// Issue 12 item 3: the requests the kiosk refuses, for bad-requests.e2e.ts — each one a kind the
// attack run answered 500 to (or might have): server actions with a foreign or broken Origin, a
// malformed id or reply body, an oversized body; route handlers under app/api and app/receipts
// with `Origin: null`. Every one must be answered 4xx.
import fs from "node:fs";
import path from "node:path";

export type BadRequest = { name: string; path: string; init: RequestInit };

/** The id of one of the kiosk page's own server actions (the harmless reportScreen) in the build. */
export function kioskActionId(root: string): string {
  const manifest = JSON.parse(
    fs.readFileSync(path.join(root, ".next/server/server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, { exportedName?: string; workers: Record<string, unknown> }> };
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === "reportScreen" && "app/page" in entry.workers,
  );
  if (!found) throw new Error("reportScreen is not in the build's server-reference-manifest");
  return found[0];
}

const MB = 1024 * 1024;

/** `text` as a stream: fetch sends it chunked, without Content-Length. */
function chunked(text: string): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + 64 * 1024));
      at += 64 * 1024;
    },
  });
}

export function badRequests(baseUrl: string, actionId: string): BadRequest[] {
  const host = new URL(baseUrl).host;
  const action = (headers: Record<string, string>, body: BodyInit, id = actionId): RequestInit => ({
    method: "POST",
    headers: { "Next-Action": id, "Content-Type": "text/plain;charset=UTF-8", ...headers },
    body,
  });
  const own = { Origin: baseUrl };
  const multipart = (fields: Record<string, string>) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    return form;
  };
  const kinds: BadRequest[] = [
    {
      name: "action from another origin",
      path: "/",
      init: action({ Origin: "http://evil.example" }, '["x"]'),
    },
    {
      name: "action from another port",
      path: "/",
      init: action({ Origin: `http://${host.split(":")[0]}:1` }, '["x"]'),
    },
    { name: "action with Origin: null", path: "/", init: action({ Origin: "null" }, '["x"]') },
    { name: "action with an Origin that is no URL", path: "/", init: action({ Origin: "::::" }, '["x"]') },
    {
      name: "action sent cross-site (Sec-Fetch-Site)",
      path: "/",
      init: action({ ...own, "Sec-Fetch-Site": "cross-site" }, '["x"]'),
    },
    { name: "unknown action id", path: "/", init: action(own, '["x"]', "7f".padEnd(42, "0")) },
    { name: "malformed action id", path: "/", init: action(own, '["x"]', "not-an-id") },
    { name: "reply body that is no JSON", path: "/", init: action(own, '["x"') },
    { name: "reply body that is no array", path: "/", init: action(own, '{"a":1}') },
    { name: "reply body with a missing row", path: "/", init: action(own, '["$1"]') },
    { name: "reply body with a server reference", path: "/", init: action(own, '["$h1"]') },
    { name: "reply body with a temporary reference", path: "/", init: action(own, '["$T"]') },
    { name: "reply body with a bad BigInt", path: "/", init: action(own, '["$nabc"]') },
    {
      name: "reply body nested 5000 deep",
      path: "/",
      init: action(own, "[".repeat(5000) + "]".repeat(5000)),
    },
    {
      name: "action body of application/json",
      path: "/",
      init: action({ ...own, "Content-Type": "application/json" }, '["x"]'),
    },
    {
      name: "multipart reply with a missing row",
      path: "/",
      init: {
        method: "POST",
        headers: { "Next-Action": actionId, ...own },
        body: multipart({ "0": '["$Q5"]' }),
      },
    },
    {
      name: "multipart reply without its root row",
      path: "/",
      init: { method: "POST", headers: { "Next-Action": actionId, ...own }, body: multipart({ "1": "[]" }) },
    },
    {
      name: "multipart body that is no multipart",
      path: "/",
      init: {
        method: "POST",
        headers: { "Next-Action": actionId, "Content-Type": "multipart/form-data; boundary=x", ...own },
        body: "garbage",
      },
    },
    {
      name: "form POST without JS whose multipart is broken",
      path: "/",
      init: {
        method: "POST",
        headers: { "Content-Type": "multipart/form-data; boundary=x", ...own },
        body: "--x\r\nbroken",
      },
    },
    { name: "action body over the 11 MB limit", path: "/", init: action(own, `["${"a".repeat(12 * MB)}"]`) },
    {
      // no Content-Length: Next cuts the body at 11 MB for the proxy and the action, and these
      // first 11 MB are a valid reply (answered 200 before the guard counted a full buffer as cut)
      name: "action body over the 11 MB limit, chunked, its first 11 MB a valid reply",
      path: "/",
      init: {
        ...action(own, chunked(`["${"a".repeat(10 * MB)}"]` + " ".repeat(2 * MB))),
        duplex: "half",
      } as RequestInit,
    },
    {
      name: "sim-reader POST with Origin: null",
      path: "/api/sim-reader",
      init: { method: "POST", headers: { Origin: "null" }, body: "{}" },
    },
    {
      name: "sim-reader POST with an Origin that is no URL",
      path: "/api/sim-reader",
      init: { method: "POST", headers: { Origin: "x" }, body: "{}" },
    },
    {
      name: "sim-reader POST with a body that is no JSON",
      path: "/api/sim-reader",
      init: { method: "POST", headers: own, body: "{" },
    },
    {
      name: "sim-reader POST of 2 MB",
      path: "/api/sim-reader",
      init: { method: "POST", headers: own, body: "a".repeat(2 * MB) },
    },
    {
      name: "call POST from another origin",
      path: "/api/call",
      init: { method: "POST", headers: { Origin: "null" }, body: "{}" },
    },
    { name: "card PUT", path: "/api/card", init: { method: "PUT", headers: own, body: "{}" } },
    {
      name: "staff calls POST with Origin: null",
      path: "/api/staff/calls",
      init: { method: "POST", headers: { Origin: "null" } },
    },
    {
      name: "next-auth sign-in with Origin: null",
      path: "/api/auth/callback/credentials",
      init: {
        method: "POST",
        headers: { Origin: "null", "Content-Type": "application/x-www-form-urlencoded" },
        body: "login=a&password=b",
      },
    },
    { name: "receipt of a number that is none", path: "/receipts/%00%E0", init: { method: "GET" } },
    {
      name: "receipt POST with Origin: null",
      path: "/receipts/R-1",
      init: { method: "POST", headers: { Origin: "null" } },
    },
  ];
  return kinds;
}
