import { listAgencies } from "@/app/_server/agencies";
import { config } from "@/app/_server/config";
import { Kiosk } from "@/app/_ui/Kiosk";

// Agencies and settings are read per request: staff may change them while the kiosk runs.
export const dynamic = "force-dynamic";

export default async function KioskPage() {
  const agencies = await listAgencies();
  const { KIOSK_IDLE_SECONDS, KIOSK_IDLE_WARNING_SECONDS } = config();
  const simulatedReader = (process.env.CARD_DRIVER ?? "simulated") === "simulated";
  return (
    <Kiosk
      agencies={agencies}
      idleSeconds={KIOSK_IDLE_SECONDS}
      warningSeconds={KIOSK_IDLE_WARNING_SECONDS}
      simulatedReader={simulatedReader}
    />
  );
}
