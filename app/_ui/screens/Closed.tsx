"use client";
// The kiosk while it does not accept walk-ins (R23, staff opening): outside hours, or not yet
// opened by staff. It asks the server again every 30 s and whenever the window regains focus, so
// the kiosk comes up by itself once staff open the terminal (or the hours begin).
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Clock, useNow } from "../Clock";
import { KioskHeader } from "../KioskHeader";
import { StaffLink } from "./ClosedStaffLink";

export type ClosedScreenProps = {
  reason: "notOpened" | "outsideHours" | "closedDay";
  /** 「平日 8:30〜20:00（土日祝日・年末年始を除く）」 */
  hours: string;
  /** 「11月27日(金) 8:30」, when known */
  nextOpening: string | null;
};

const REFRESH_MS = 30_000;

export function ClosedScreen({ reason, hours, nextOpening }: ClosedScreenProps) {
  const router = useRouter();
  const now = useNow();
  useEffect(() => {
    const refresh = () => router.refresh();
    const timer = window.setInterval(refresh, REFRESH_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") refresh();
    };
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, [router]);

  return (
    <div className="kiosk-shell">
      <div className="kiosk-main">
        <KioskHeader clock={<Clock now={now} />} />
        <main className="kiosk-content">
          {reason === "notOpened" ? (
            <section aria-labelledby="closed-title">
              <h1 id="closed-title">
                受付準備中です。
                <br />
                係員にお声がけください。
              </h1>
              <p className="notice">受付時間: {hours}</p>
            </section>
          ) : (
            <section aria-labelledby="closed-title">
              <h1 id="closed-title">ただいま受付時間外です</h1>
              {reason === "closedDay" ? <p>本日は受付を行っていません。</p> : null}
              <p className="notice" style={{ fontSize: "1.3rem" }}>
                受付時間: {hours}
              </p>
              {nextOpening ? (
                <p style={{ fontSize: "1.6rem", fontWeight: 700 }} role="status">
                  次の受付開始: {nextOpening}
                </p>
              ) : null}
            </section>
          )}
          <StaffLink />
        </main>
      </div>
    </div>
  );
}
