// The baseline server: bare node:http, one process like `next start`, the visit's cookie and a JSON
// body in, JSON out — POST /search and /register run raw-steps.ts on DATABASE_URL's raw driver.
// Started by terminal.ts (startRaw) on RAW_PORT.
import http from "node:http";
import { openRawDb } from "./raw-db";
import { register, search, type Answer } from "./raw-steps";

const db = openRawDb(process.env.DATABASE_URL ?? "");
const steps: Record<string, typeof search> = { "/search": search, "/register": register };

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (c: Buffer) => chunks.push(c));
  request.on("end", () => {
    const reply = (status: number, body: Answer | { ok: true }) => {
      response.writeHead(status, { "Content-Type": "application/json", "Cache-Control": "no-store" });
      response.end(JSON.stringify(body));
    };
    const step = request.method === "POST" ? steps[request.url ?? ""] : undefined;
    if (!step)
      return reply(request.url === "/health" ? 200 : 404, { ok: request.url === "/health" } as Answer);
    const sessionId = /kiosk_session=([^;]+)/.exec(request.headers.cookie ?? "")?.[1];
    step(db, sessionId, JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>).then(
      (answer) => reply(200, answer),
      (error: unknown) => reply(500, { ok: false, code: "unexpected", message: String(error) }),
    );
  });
});

server.listen(Number(process.env.RAW_PORT), "127.0.0.1");
process.on("SIGTERM", () => server.close(() => void db.close().finally(() => process.exit(0))));
