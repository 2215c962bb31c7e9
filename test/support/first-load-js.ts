// Issue 13 item 1: a page's first-load JavaScript as a kiosk terminal meets it — every script the
// served HTML loads (`<script src>`, except `nomodule` ones Chromium skips) or preloads (`<link rel=preload|modulepreload as=script>`),
// each fetched from the running server and gzipped at zlib's default level. Shared by the budget
// test (test/e2e/first-load-js.e2e.ts) and bench (g) (test/bench/first-load-bench.ts) so both
// count the same bytes.
import zlib from "node:zlib";

/** Issue 13: the kiosk page's budget, gzip bytes. */
export const KIOSK_FIRST_LOAD_BUDGET = 150 * 1024;

/** `contains`: which of MARKERS the script carries. */
export type Script = { url: string; raw: number; gzip: number; contains: string[] };
export type FirstLoad = { page: string; scripts: Script[]; raw: number; gzip: number };

/** The script URLs of a served page, in document order, each once. */
export function scriptUrls(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const attr = (name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
    const isLink = tag.startsWith("<link");
    const url = isLink ? attr("href") : attr("src");
    if (!url) continue;
    if (isLink && !(/preload/.test(attr("rel") ?? "") && attr("as") === "script")) continue;
    // Next's legacy polyfills: a browser with ES modules (the terminal's Chromium) never fetches them
    if (!isLink && /\snomodule(=|\s|>|\/)/i.test(tag)) continue;
    const plain = url.replace(/&amp;/g, "&");
    if (!urls.includes(plain)) urls.push(plain);
  }
  return urls;
}

// What this issue looks for in a chunk: production chunks keep no module paths, so each is known
// by a string only it carries (zod's class names, xstate's built-in events, a catalog entry).
const MARKERS: [string, string][] = [
  ["zod", "$ZodType"],
  ["xstate", "xstate.init"],
  ["English catalog", "User ID [ユーザID]"],
];
function packagesIn(source: string): string[] {
  return MARKERS.filter(([, marker]) => source.includes(marker)).map(([name]) => name);
}

/** GET `page` from `baseUrl` (with `cookie` if given) and every script it loads. */
export async function measureFirstLoad(baseUrl: string, page: string, cookie?: string): Promise<FirstLoad> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const response = await fetch(new URL(page, baseUrl), { headers, redirect: "manual" });
  if (!response.ok) throw new Error(`GET ${page}: ${response.status}`);
  const html = await response.text();
  const scripts: Script[] = [];
  for (const url of scriptUrls(html)) {
    const res = await fetch(new URL(url, baseUrl), { headers });
    if (!res.ok) throw new Error(`GET ${url} (loaded by ${page}): ${res.status}`);
    const body = Buffer.from(await res.arrayBuffer());
    const gzip = zlib.gzipSync(body).length;
    scripts.push({ url, raw: body.length, gzip, contains: packagesIn(body.toString("utf8")) });
  }
  if (scripts.length === 0) throw new Error(`GET ${page}: the page loads no scripts — not a Next page?`);
  return {
    page,
    scripts,
    raw: scripts.reduce((n, s) => n + s.raw, 0),
    gzip: scripts.reduce((n, s) => n + s.gzip, 0),
  };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

/** The page's total and its largest scripts, largest first. */
export function describeFirstLoad(load: FirstLoad, top = 12): string {
  const rows = [...load.scripts]
    .sort((a, b) => b.gzip - a.gzip)
    .slice(0, top)
    .map((s) => {
      const name = s.url.replace(/^.*\/_next\/static\//, "").replace(/\?.*$/, "");
      const pkgs = s.contains.length > 0 ? `  [${s.contains.join(", ")}]` : "";
      return `    ${kb(s.gzip).padStart(9)} gz ${kb(s.raw).padStart(9)} raw  ${name}${pkgs}`;
    });
  return [
    `  ${load.page}: ${kb(load.gzip)} gzip (${kb(load.raw)} raw) in ${load.scripts.length} scripts`,
    ...rows,
  ].join("\n");
}
