// The attack suite's HTTP side (issue 12 item 7): the server actions of the build under test, found
// in its server-reference manifest, called over plain fetch the way React's client calls them, with
// a tiny cookie jar; staff signed in through next-auth's own endpoints.
import fs from "node:fs";
import path from "node:path";
import { root } from "./servers";

export type ServerAction = {
  id: string;
  /** source file, e.g. app/actions.ts */
  file: string;
  name: string;
  /** a page whose worker holds the action: where a browser would POST it */
  page: string;
};

/** app/staff/accounts/page → /staff/accounts; route groups and the final /page dropped. */
function pageUrl(worker: string): string {
  const parts = worker
    .replace(/^app\//, "")
    .replace(/\/?page$/, "")
    .split("/")
    .filter((s) => s && !/^\(.*\)$/.test(s));
  return `/${parts.join("/")}`;
}

/** Every server action `next build` emitted (.next/server/server-reference-manifest.json). */
export function serverActions(): ServerAction[] {
  const file = path.join(root, ".next/server/server-reference-manifest.json");
  const manifest = JSON.parse(fs.readFileSync(file, "utf8")) as {
    node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }>;
  };
  return Object.entries(manifest.node)
    .map(([id, entry]) => {
      const workers = Object.keys(entry.workers).filter((w) => w.endsWith("/page") && !/\[/.test(w));
      return {
        id,
        file: entry.filename ?? "?",
        name: entry.exportedName ?? "?",
        page: pageUrl(workers.sort((a, b) => a.length - b.length)[0] ?? "app/page"),
      };
    })
    .sort((a, b) => `${a.file}#${a.name}`.localeCompare(`${b.file}#${b.name}`));
}

export type Jar = Map<string, string>;

export function keep(jar: Jar, response: Response): void {
  for (const line of response.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(";");
    const eq = pair!.indexOf("=");
    const name = pair!.slice(0, eq).trim();
    const value = pair!.slice(eq + 1).trim();
    const expired = attributes.some((a) => /max-age=0/i.test(a) || /expires=thu, 01 jan 1970/i.test(a));
    if (expired || value === "") jar.delete(name);
    else jar.set(name, value);
  }
}

export function cookieHeader(jar: Jar | null): Record<string, string> {
  return jar && jar.size > 0 ? { cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; ") } : {};
}

/**
 * The RSC answer of an action: lines `<hex id>:<json>`; row 1 is the action's return value (row 0
 * the envelope). Undefined when the answer is not one (a refusal page, a redirect).
 */
export function actionResult(text: string): unknown {
  for (const line of text.split("\n")) {
    const m = /^1:(.*)$/s.exec(line);
    if (!m) continue;
    try {
      return JSON.parse(m[1]!) as unknown;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

export type Sent = { status: number; text: string; headers: Headers };

/** POST the action `id` at `page` with a raw body, as React's client would (origin: the server). */
export async function postAction(
  baseUrl: string,
  action: { id: string; page: string },
  body: BodyInit,
  init: { jar?: Jar | null; contentType?: string; headers?: Record<string, string> } = {},
): Promise<Sent> {
  const headers: Record<string, string> = {
    accept: "text/x-component",
    "next-action": action.id,
    origin: baseUrl,
    ...cookieHeader(init.jar ?? null),
    ...(init.contentType ? { "content-type": init.contentType } : {}),
    ...init.headers,
  };
  const response = await fetch(`${baseUrl}${action.page}`, {
    method: "POST",
    headers,
    body,
    redirect: "manual",
  });
  if (init.jar) keep(init.jar, response);
  return { status: response.status, text: await response.text().catch(() => ""), headers: response.headers };
}

/** A well-formed call: the arguments as React encodes plain JSON values. */
export async function callAction(
  baseUrl: string,
  action: { id: string; page: string },
  args: unknown[],
  jar: Jar | null,
): Promise<{ status: number; result: unknown }> {
  const sent = await postAction(baseUrl, action, JSON.stringify(args), {
    jar,
    contentType: "text/plain;charset=UTF-8",
  });
  return { status: sent.status, result: actionResult(sent.text) };
}

/** next-auth 4's credentials flow; the jar holds the session cookie when it worked. */
export async function staffSignIn(baseUrl: string, login: string, password: string): Promise<Jar> {
  const jar: Jar = new Map();
  const csrfAnswer = await fetch(`${baseUrl}/api/auth/csrf`);
  keep(jar, csrfAnswer);
  const { csrfToken } = (await csrfAnswer.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    headers: {
      ...cookieHeader(jar),
      "content-type": "application/x-www-form-urlencoded",
      origin: baseUrl,
    },
    body: new URLSearchParams({ csrfToken, login, password, callbackUrl: "/staff" }).toString(),
    redirect: "manual",
  });
  keep(jar, response);
  if (![...jar.keys()].some((k) => k.endsWith("next-auth.session-token")))
    throw new Error(`staff sign-in of ${login} failed (${response.status})`);
  return jar;
}

/** A card in or out of the simulated reader, as the 仮想カードリーダー panel does. */
export async function simReader(
  baseUrl: string,
  body: { action: "insert"; label: string } | { action: "remove" },
) {
  const response = await fetch(`${baseUrl}/api/sim-reader`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl, "sec-fetch-site": "same-origin" },
    body: JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`sim-reader ${body.action}: ${response.status}`);
}
