// Concurrent simulated terminals: `clients` closed loops, each sending its next visit's request as
// soon as the last answer came. Latency is measured at the client, request sent to body read.
import { performance } from "node:perf_hooks";

export type Visit = { sessionId: string; input: unknown };
export type Send = (visit: Visit) => Promise<{ ok?: boolean; code?: string; message?: unknown }>;
/** latencies, and the answers that were not ok: how many per code, the first message of each */
export type Sample = { ms: number[]; notOk: Record<string, number>; examples: Record<string, string> };

export async function closedLoop(visits: readonly Visit[], clients: number, send: Send): Promise<Sample> {
  const sample: Sample = { ms: [], notOk: {}, examples: {} };
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      for (let i = client; i < visits.length; i += clients) {
        const start = performance.now();
        const answer = await send(visits[i]!).catch((error: unknown) => ({ ok: false, code: String(error) }));
        sample.ms.push(performance.now() - start);
        if (!answer.ok) {
          const code = answer.code ?? "?";
          sample.notOk[code] = (sample.notOk[code] ?? 0) + 1;
          sample.examples[code] ??= String("message" in answer ? answer.message : "");
        }
      }
    }),
  );
  return sample;
}

function merge(a: Sample, b: Sample): Sample {
  const notOk = { ...a.notOk };
  for (const [code, n] of Object.entries(b.notOk)) notOk[code] = (notOk[code] ?? 0) + n;
  return { ms: [...a.ms, ...b.ms], notOk, examples: { ...b.examples, ...a.examples } };
}

/**
 * One step on both servers: a warm-up wave each (not counted), then the rest in halves, ours–raw–
 * raw–ours, so neither side always runs on the fuller database or the warmer machine. Each side
 * brings its own visits (a visit's step runs once). Before every wave `settle` waits until both
 * servers are quiet, so work one side does after its answers is not timed in the other's wave.
 */
export async function measureStep(
  clients: number,
  ours: { visits: readonly Visit[]; send: Send },
  raw: { visits: readonly Visit[]; send: Send },
  settle: () => Promise<void> = async () => undefined,
): Promise<{ ours: Sample; raw: Sample }> {
  const split = (visits: readonly Visit[]) => {
    const rest = visits.slice(clients);
    const half = Math.ceil(rest.length / 2);
    return { warm: visits.slice(0, clients), first: rest.slice(0, half), second: rest.slice(half) };
  };
  const [o, r] = [split(ours.visits), split(raw.visits)];
  const wave = async (visits: readonly Visit[], send: Send) => {
    await settle();
    return closedLoop(visits, clients, send);
  };
  await wave(o.warm, ours.send);
  await wave(r.warm, raw.send);
  const o1 = await wave(o.first, ours.send);
  const r1 = await wave(r.first, raw.send);
  const r2 = await wave(r.second, raw.send);
  const o2 = await wave(o.second, ours.send);
  return { ours: merge(o1, o2), raw: merge(r1, r2) };
}
