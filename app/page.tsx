import { listAgencies } from "@/app/_server/agencies";
import { config } from "@/app/_server/config";
import { kickOutbox } from "@/app/_server/email/dispatcher";
import { answerUnavailable } from "@/app/_server/log";
import { hoursSettings, hoursText, tokyoDateTimeText } from "@/app/_server/visit/hours";
import { terminalStatus } from "@/app/_server/visit/terminals";
import { Kiosk } from "@/app/_ui/Kiosk";
import { ClosedScreen } from "@/app/_ui/screens/Closed";
import { NoReaderScreen } from "@/app/_ui/screens/NoReader";
import { UnavailableScreen } from "@/app/_ui/screens/Unavailable";
import { kioskConfig } from "@/kiosk/config";

// Agencies and settings are read per request: staff may change them while the kiosk runs.
export const dynamic = "force-dynamic";

export default async function KioskPage() {
  // The kiosk browser loads this page when the terminal starts: emails still queued from before
  // a restart are delivered (and the retry timer runs) without waiting for the next registration.
  void kickOutbox();
  // a console-only server (CARD_DRIVER=none) has no card layer: no visit can start here
  if (kioskConfig().cardDriver === "none") return <NoReaderScreen />;
  // the database down: a screen that comes back by itself, not the error page
  return answerUnavailable("kiosk", "page", <UnavailableScreen />, kioskScreen);
}

async function kioskScreen() {
  const status = await terminalStatus();
  if (!status.acceptsWalkIns) {
    // R23 / staff opening: no new visit; the closed screen asks again by itself
    const settings = hoursSettings(config());
    const exceptions = settings.closedDays.length > 0 ? "土日祝日・年末年始を除く" : "土日祝日を除く";
    return (
      <ClosedScreen
        reason={status.closedReason ?? "notOpened"}
        hours={`${hoursText(settings)}（${exceptions}）`}
        nextOpening={status.hours.nextOpening ? tokyoDateTimeText(status.hours.nextOpening) : null}
      />
    );
  }
  const agencies = await listAgencies();
  const { KIOSK_IDLE_SECONDS, KIOSK_IDLE_WARNING_SECONDS } = config();
  return (
    <Kiosk
      agencies={agencies}
      idleSeconds={KIOSK_IDLE_SECONDS}
      warningSeconds={KIOSK_IDLE_WARNING_SECONDS}
      simulatedReader={kioskConfig().cardDriver === "simulated"}
    />
  );
}
