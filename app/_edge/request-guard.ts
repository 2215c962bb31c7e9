// Issue 12 item 3: a request the app refuses is answered 4xx here, before Next decodes it. Next
// itself answers 500 to a cross-origin server action, to `Origin: null`, to a body over
// serverActions.bodySizeLimit and to any reply body React's decodeReply throws on — so what
// Next would throw on is refused in front of it, with a plain sentence and no stack.
// Called first by the root proxy.ts; pure (a Request in, a Response or null out).

/** next.config.js experimental.serverActions.bodySizeLimit ("11mb"); a unit test keeps them equal. */
export const ACTION_BODY_LIMIT_BYTES = 11 * 1024 * 1024;
/** Any other unsafe request (route handlers, next-auth's forms) is a few hundred bytes. */
export const OTHER_BODY_LIMIT_BYTES = 64 * 1024;
/** React's decodeReply refuses more array slots than this (arraySizeLimit) by throwing. */
const ARRAY_SLOTS_LIMIT = 1_000_000;
/** reviveModel recurses per level: a deep body would overflow the stack. No action needs 32. */
const DEPTH_LIMIT = 32;
/** Next's server reference ids: 42 hex digits (mightBeServerReferenceId). */
const ACTION_ID = /^[0-9a-f]{42}$/;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export type Refusal = 400 | 403 | 413;

const SENTENCES: Record<Refusal, string> = {
  400: "リクエストの形式が正しくありません。",
  403: "許可されていない操作です。",
  413: "送信されたデータが大きすぎます。",
};

function refuse(status: Refusal): Response {
  return new Response(SENTENCES[status], {
    status,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** The host a browser's Origin must name: Next compares with x-forwarded-host's first value, else Host. */
function expectedHost(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-host")?.split(",")[0]?.trim();
  return forwarded || headers.get("host");
}

/**
 * Unsafe methods only from this site's own pages: an Origin that is `null`, not a URL or another
 * host, or a Sec-Fetch-Site saying another site (another port of the same host is "same-site"),
 * is refused — Next refuses the first three for actions too, but by throwing (500).
 */
function crossOrigin(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return true;
  const origin = headers.get("origin");
  if (origin === null) return false;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return true;
  }
  return !host || host !== expectedHost(headers);
}

/** A string React's reply decoder would read as something other than plain data. */
function isReference(value: string): boolean {
  if (value[0] !== "$") return false;
  const tag = value[1];
  if (tag === "$" || tag === "D" || tag === "u" || tag === "I" || tag === "N") return false;
  if (tag === "-") return value !== "$-0" && value !== "$-Infinity";
  if (tag === "n") return !/^-?\d{1,300}$/.test(value.slice(2));
  return true;
}

/** `$<tag><hex id>` or `$<hex id>` → the row it points at, or null for any other `$` string. */
function referencedRow(value: string): string | null {
  const match = /^\$([@QWKiB]|[AOoUSsLlGgMmV])?([0-9a-f]+)$/.exec(value);
  return match ? (match[1] === "K" ? "" : match[2]!) : null;
}

/**
 * One row of a reply: parses as JSON, is at most DEPTH_LIMIT deep, and every `$` string is plain
 * data or (multipart) a reference to a row that is there. Returns the array slots it counted, or
 * null when the row is refused. Iterative, so a deep body cannot overflow this stack either.
 */
function checkRow(text: string, rows: ((id: string) => boolean) | null): number | null {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return null;
  }
  let slots = 0;
  const stack: Array<[unknown, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [value, depth] = stack.pop()!;
    if (typeof value === "string") {
      if (!isReference(value)) continue;
      const row = rows ? referencedRow(value) : null;
      if (row === null || (row !== "" && !rows!(row))) return null;
      continue;
    }
    if (typeof value !== "object" || value === null) continue;
    if (depth >= DEPTH_LIMIT) return null;
    const children = Array.isArray(value) ? value : Object.values(value);
    if (Array.isArray(value)) slots += value.length + 1;
    for (const child of children) stack.push([child, depth + 1]);
  }
  return slots;
}

/** A server action's reply body as React's decodeReply reads it: a JSON array of arguments. */
async function refuseReply(request: Request, multipart: boolean): Promise<Refusal | null> {
  if (!multipart) {
    const text = await request.text();
    if (!text.trimStart().startsWith("[")) return 400;
    const slots = checkRow(text, null);
    return slots === null ? 400 : slots > ARRAY_SLOTS_LIMIT ? 400 : null;
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return 400;
  }
  const root = form.get("0");
  if (typeof root !== "string" || !root.trimStart().startsWith("[")) return 400;
  let slots = 0;
  const seen = new Set<string>();
  for (const [name, value] of form.entries()) {
    // Next parses the body again with busboy, which reads an empty name as no name (React then
    // throws on it: 500) and mangles or drops others; the kiosk and console send plain ASCII names
    if (!/^[\x20-\x7e]+$/.test(name) || /["\\]/.test(name)) return 400;
    // React takes a name as a row id by +name ("1", "01", " 1" and "1e0" are one row) and S<id> as
    // a stream's row: a row given twice, or a stream row (the kiosk and console send none), resolves
    // a chunk again as if it were a stream's and throws (enqueueModel is not a function → 500;
    // found by the attack suite)
    if (name[0] === "S" && name.length > 1 && !Number.isNaN(+name.slice(1))) return 400;
    const id = +name;
    if (Number.isNaN(id)) continue;
    if (seen.has(String(id))) return 400;
    seen.add(String(id));
    if (typeof value !== "string" || !/^[0-9a-f]+$/.test(name)) continue;
    const counted = checkRow(value, (id) => form.has(id));
    if (counted === null) return 400;
    slots += counted;
  }
  return slots > ARRAY_SLOTS_LIMIT ? 400 : null;
}

/** Next decodes a dynamic segment (/receipts/%E0) with decodeURIComponent and answers 500 when it throws. */
function decodablePath(url: string): boolean {
  try {
    decodeURIComponent(new URL(url).pathname);
    return true;
  } catch {
    return false;
  }
}

async function bodyOver(request: Request, limit: number): Promise<boolean> {
  const declared = Number(request.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared)) return declared > limit;
  // chunked: the proxy has the body buffered, cut at proxyClientMaxBodySize (next.config.js, the
  // action limit). One that fills the buffer was cut: Next would hand the action its first 11 MB
  // (a 12 MB body of a valid reply and spaces was answered 200), so it is refused as too large.
  const size = (await request.clone().arrayBuffer()).byteLength;
  return size > limit || size >= ACTION_BODY_LIMIT_BYTES;
}

/**
 * Null when Next may have the request; otherwise the 4xx it is answered with. Safe methods pass
 * untouched. A server action (a `Next-Action` header, or a multipart POST Next would try to
 * decode as a form action) must come from this origin, name a well-formed action id, carry a
 * body of a type Next decodes and within the size limit, and be a reply React can decode.
 */
export async function guardRequest(request: Request): Promise<Response | null> {
  if (!decodablePath(request.url)) return refuse(400);
  if (SAFE_METHODS.has(request.method)) return null;
  const headers = request.headers;
  if (crossOrigin(headers)) return refuse(403);

  const actionId = headers.get("next-action");
  const type = (headers.get("content-type") ?? "").toLowerCase();
  const multipart = type.startsWith("multipart/form-data");
  const isAction = actionId !== null || multipart;
  if (await bodyOver(request, isAction ? ACTION_BODY_LIMIT_BYTES : OTHER_BODY_LIMIT_BYTES)) {
    return refuse(413);
  }
  if (!isAction) return null;
  if (actionId !== null) {
    if (!ACTION_ID.test(actionId)) return refuse(400);
    if (!multipart && !type.startsWith("text/plain")) return refuse(400);
  } else {
    // a multipart POST without JS: Next parses it as a form before asking whether it is an action
    try {
      await request.clone().formData();
    } catch {
      return refuse(400);
    }
    return null;
  }
  const refused = await refuseReply(request.clone(), multipart);
  return refused === null ? null : refuse(refused);
}
