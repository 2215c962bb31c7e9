// Issue 13 item 1: the kiosk actor comes after the page hydrates (app/_ui/kioskPort.ts). What a
// bidder does on screen 1 before it runs must not be lost, and the screens must follow it once it
// does — the real kiosk machine here, without the server's implementations.
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createActor } from "xstate";
import { createKioskPort, KioskPortContext, useKioskSelector, type KioskPort } from "@/app/_ui/kioskPort";
import { kioskMachine } from "@/machines";

const INPUT = { idleSeconds: 60, warningSeconds: 30, endSeconds: 8 };
const newActor = () => createActor(kioskMachine, { input: INPUT });

function Probe() {
  const size = useKioskSelector((s) => s.context.access.textSize, "before the actor");
  const lang = useKioskSelector((s) => s.context.access.lang, "ja");
  return <p>{`${size} ${lang}`}</p>;
}

/** What the screens show through `port` now (a server render, as the page's first). */
function renderWith(port: KioskPort) {
  return () =>
    renderToStaticMarkup(
      <KioskPortContext.Provider value={port}>
        <Probe />
      </KioskPortContext.Provider>,
    ).replace(/<\/?p>/g, "");
}

describe("issue 13 item 1: the kiosk port, before and after the actor arrives", () => {
  it("answers what the caller gives for screen 1 until the actor runs, then the actor's state", () => {
    const port = createKioskPort();
    const shown = renderWith(port);
    expect(shown()).toBe("before the actor ja");
    port.attach(newActor());
    expect(shown()).toBe("standard ja");
    port.send({ type: "access.lang", lang: "en" });
    expect(shown()).toBe("standard en");
    port.detach();
  });

  it("delivers what was sent before the actor ran, in the order it was sent", () => {
    const port = createKioskPort();
    const shown = renderWith(port);
    port.send({ type: "access.textSize", size: "large" });
    port.send({ type: "access.lang", lang: "en" });
    port.send({ type: "access.textSize", size: "xlarge" });
    // nothing is applied yet: the screens show the machine's start
    expect(shown()).toBe("before the actor ja");
    port.attach(newActor());
    expect(shown()).toBe("xlarge en");
    port.detach();
  });

  it("a tap on 次へ before the actor runs starts the visit once it does", () => {
    const port = createKioskPort();
    port.send({ type: "select.submit", agencyCode: "110000", kind: "construction" });
    port.attach(newActor());
    // the session is being started (the implementations are the server's; none here)
    expect(port.snapshot()?.value).toBe("starting");
    port.detach();
  });

  it("the page left: the actor stops, screen 1's answers return, and a later actor starts fresh", () => {
    const port = createKioskPort();
    const shown = renderWith(port);
    const first = newActor();
    port.attach(first);
    port.send({ type: "access.textSize", size: "large" });
    port.detach();
    expect(first.getSnapshot().status).toBe("stopped");
    expect(shown()).toBe("before the actor ja");
    port.attach(newActor());
    expect(shown()).toBe("standard ja");
    port.detach();
  });

  it("outside a kiosk page the hooks answer screen 1's values (a screen rendered alone)", () => {
    expect(renderToStaticMarkup(<Probe />)).toBe("<p>before the actor ja</p>");
  });
});
