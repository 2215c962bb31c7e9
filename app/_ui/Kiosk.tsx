"use client";
// The kiosk page: header, the screen for the current state, dialogs, and (demo) the virtual reader.
import dynamic from "next/dynamic";
import { useEffect, useRef, useState } from "react";
import type { AgencyView } from "@/app/_shared/contracts";
import type { KioskInput } from "@/machines/kiosk.types";
import { AccessControls } from "./AccessControls";
import { Clock, useNow } from "./Clock";
import { msgid } from "./i18n/translate";
import { useLang, useT } from "./i18n/useT";
import { KioskHeader } from "./KioskHeader";
import {
  createKioskPort,
  KioskPortContext,
  useKioskSelector,
  type KioskPort,
  type KioskSnapshot,
} from "./kioskPort";
import { StaffCallButton } from "./StaffCallButton";
import { StaffLink } from "./screens/ClosedStaffLink";
import { SelectScreen } from "./screens/Select";
import { UnavailableNotice } from "./screens/Unavailable";
import { useKioskEvents, type KioskEvents } from "./useKioskEvents";
import { useAccessModes } from "./useAccessModes";
import { useActivity, useCardSignals } from "./useKioskSignals";
import { useScreenFocus } from "./useScreenFocus";

// Only screen 1 (調達機関の選択) and the page's frame are in the first load (issue 13 item 1): the
// kiosk actor comes right after hydration (useKioskActor), the screens of the later steps, the
// dialogs and the demo's reader panel are chunks of their own, fetched when first shown. The
// panel waits for hydration: a real terminal never shows it.
const EntryScreen = dynamic(() => import("./screens/Entry").then((m) => m.EntryScreen));
const TopScreen = dynamic(() => import("./screens/Top").then((m) => m.TopScreen));
const MenuScreen = dynamic(() => import("./screens/Menu").then((m) => m.MenuScreen));
const RegistrationFlow = dynamic(() => import("./RegistrationFlow").then((m) => m.RegistrationFlow));
const ChangeFlow = dynamic(() => import("./ChangeFlow").then((m) => m.ChangeFlow));
const RenewalFlow = dynamic(() => import("./RenewalFlow").then((m) => m.RenewalFlow));
const IdleWarningDialog = dynamic(() => import("./screens/IdleWarning").then((m) => m.IdleWarningDialog));
const LogoutDialog = dynamic(() => import("./screens/LogoutDialog").then((m) => m.LogoutDialog));
const TakeCardScreen = dynamic(() => import("./screens/TakeCard").then((m) => m.TakeCardScreen));
const EndScreen = dynamic(() => import("./screens/End").then((m) => m.EndScreen));
const VirtualReader = dynamic(() => import("./VirtualReader").then((m) => m.VirtualReader), { ssr: false });

/** How long 終了画面 stays before the kiosk is back at screen 1. */
const END_SECONDS = 8;

export type KioskProps = {
  agencies: AgencyView[];
  idleSeconds: number;
  warningSeconds: number;
  simulatedReader: boolean;
};

export function Kiosk({ agencies, idleSeconds, warningSeconds, simulatedReader }: KioskProps) {
  // the settings of the page as served: a later render never restarts the visit's actor
  const [input] = useState<KioskInput>(() => ({ idleSeconds, warningSeconds, endSeconds: END_SECONDS }));
  const port = useKioskActor(input);
  return (
    <KioskPortContext.Provider value={port}>
      <KioskShell agencies={agencies} simulatedReader={simulatedReader} />
    </KioskPortContext.Provider>
  );
}

/**
 * The page's port, with the kiosk actor fetched and started once the page has hydrated and
 * stopped when it is left. A chunk that cannot be fetched (the server gone mid-deploy) shows the
 * error page, as a later screen's chunk would.
 */
function useKioskActor(input: KioskInput): KioskPort {
  const [port] = useState(createKioskPort);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  if (failure) throw failure.error;
  useEffect(() => {
    let left = false;
    import("./kioskActor").then(
      ({ createKioskActor }) => {
        if (!left) port.attach(createKioskActor(input));
      },
      (error: unknown) => {
        if (!left) setFailure({ error });
      },
    );
    return () => {
      left = true;
      port.detach();
    };
  }, [port, input]);
  return port;
}

function KioskShell({ agencies, simulatedReader }: { agencies: AgencyView[]; simulatedReader: boolean }) {
  const events = useKioskEvents();
  useCardSignals((signal) =>
    signal.type === "card.inserted" ? events.cardInserted() : events.cardRemoved(),
  );
  useActivity(events.activity);
  const access = useAccessModes();
  const now = useNow();
  const inSession = useKioskSelector((s) => s.matches("active"), false);
  const actorRunning = useKioskSelector(() => true, false);
  const content = useRef<HTMLElement>(null);
  const announcement = useScreenFocus(content);
  const lang = useLang();
  const t = useT();

  return (
    // data-actor: whether taps are acted on now or kept for the actor (the browser tests wait on it)
    <div
      className={simulatedReader ? "kiosk-shell with-reader" : "kiosk-shell"}
      data-actor={actorRunning ? "running" : "loading"}
    >
      <div className="kiosk-main">
        <KioskHeader
          lang={lang}
          clock={<Clock now={now} />}
          access={<AccessControls modes={access} />}
          actions={
            <>
              <StaffCallButton />
              {inSession ? (
                <button type="button" onClick={events.logout}>
                  {t("ログアウト")}
                </button>
              ) : null}
            </>
          }
        />
        <main className="kiosk-content" ref={content}>
          <Screens agencies={agencies} now={now} events={events} />
        </main>
        {/* the one live region: each new screen's heading, read once */}
        <p className="sr-only" role="status" aria-live="polite" data-testid="screen-announcement">
          {announcement}
        </p>
        {/* staff close the terminal from here (between visits only) */}
        {inSession ? null : <StaffLink />}
      </div>
      {simulatedReader ? <VirtualReader /> : null}
    </div>
  );
}

const TIMEOUT_NOTICE = msgid(
  "一定時間操作がなかったため、手続きを終了しました。入力された内容は消去されました。",
);

function Screens({
  agencies,
  now,
  events,
}: {
  agencies: AgencyView[];
  now: Date | null;
  events: KioskEvents;
}) {
  // undefined until the actor runs: the machine starts at screen 1, with no notice
  const snapshot = useKioskSelector<KioskSnapshot | undefined>((s) => s, undefined);
  const t = useT();

  if (!snapshot || snapshot.matches("select") || snapshot.matches("starting")) {
    const context = snapshot?.context;
    const notice = context?.error ?? (context?.endReason === "timeout" ? TIMEOUT_NOTICE : null);
    return (
      <SelectScreen
        agencies={agencies}
        error={notice}
        busy={snapshot?.matches("starting") ?? false}
        onSubmit={events.selectSubmit}
      />
    );
  }
  const { context } = snapshot;
  if (snapshot.matches({ end: "takeCard" })) return <TakeCardScreen />;
  if (snapshot.matches("end")) return <EndScreen reason={context.endReason} committed={context.committed} />;
  if (snapshot.matches("unavailable")) return <UnavailableNotice />;
  if (!snapshot.matches("active")) {
    return (
      <p className="busy" role="status">
        {t("終了しています…")}
      </p>
    );
  }

  const { registration, change, renewal } = snapshot.children;
  return (
    <>
      {snapshot.matches({ active: { screens: "entry" } }) ? (
        <EntryScreen onUserRegistration={events.chooseUserRegistration} />
      ) : null}
      {snapshot.matches({ active: { screens: "top" } }) ? (
        <TopScreen now={now} onProceed={events.proceedFromTop} />
      ) : null}
      {snapshot.matches({ active: { screens: "menu" } }) ? (
        <MenuScreen
          onRegister={events.menuRegister}
          onChange={events.menuChange}
          onRenewal={events.menuRenewal}
        />
      ) : null}
      {snapshot.matches({ active: { screens: { flow: "registration" } } }) && registration ? (
        <RegistrationFlow actorRef={registration} onLogout={events.logout} />
      ) : null}
      {snapshot.matches({ active: { screens: { flow: "change" } } }) && change ? (
        <ChangeFlow actorRef={change} onLogout={events.logout} />
      ) : null}
      {snapshot.matches({ active: { screens: { flow: "renewal" } } }) && renewal ? (
        <RenewalFlow actorRef={renewal} onLogout={events.logout} />
      ) : null}
      {snapshot.matches({ active: { idle: "warning" } }) ? (
        <IdleWarningDialog remaining={context.idleRemaining} onContinue={events.activity} />
      ) : null}
      {snapshot.matches({ active: { dialog: "confirming" } }) ? (
        <LogoutDialog onConfirm={events.confirmLogout} onCancel={events.cancelLogout} />
      ) : null}
    </>
  );
}
