"use client";
// The kiosk while it does not accept walk-ins (R23, staff opening): outside hours, or not yet
// opened by staff. It asks the server again every 30 s and whenever the window regains focus, so
// the kiosk comes up by itself once staff open the terminal (or the hours begin).
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Clock, useNow } from "../Clock";
import { fill } from "../i18n/fill";
import { useLang, useT } from "../i18n/useT";
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
  // Japanese unless a kiosk visit chose English: the page itself is rendered before any visit
  const lang = useLang();
  const t = useT();
  const hoursLine = fill(t("受付時間: {hours}"), { hours: t(hours) });
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
        <KioskHeader lang={lang} clock={<Clock now={now} />} />
        <main className="kiosk-content">
          {reason === "notOpened" ? (
            <section aria-labelledby="closed-title">
              <h1 id="closed-title">
                {t("受付準備中です。")}
                <br />
                {t("係員にお声がけください。")}
              </h1>
              <p className="notice">{hoursLine}</p>
            </section>
          ) : (
            <section aria-labelledby="closed-title">
              <h1 id="closed-title">{t("ただいま受付時間外です")}</h1>
              {reason === "closedDay" ? <p>{t("本日は受付を行っていません。")}</p> : null}
              <p className="notice" style={{ fontSize: "1.3rem" }}>
                {hoursLine}
              </p>
              {nextOpening ? (
                <p style={{ fontSize: "1.6rem", fontWeight: 700 }} role="status">
                  {fill(t("次の受付開始: {time}"), { time: t(nextOpening) })}
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
