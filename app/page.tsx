import { listAgencies } from "@/app/_server/agencies";
import { config } from "@/app/_server/config";
import { kickOutbox } from "@/app/_server/email/dispatcher";
import { Kiosk } from "@/app/_ui/Kiosk";
import { kioskConfig } from "@/kiosk/config";

// Agencies and settings are read per request: staff may change them while the kiosk runs.
export const dynamic = "force-dynamic";

export default async function KioskPage() {
  // The kiosk browser loads this page when the terminal starts: emails still queued from before
  // a restart are delivered (and the retry timer runs) without waiting for the next registration.
  void kickOutbox();
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
