"use client";
// The kiosk while it does not accept walk-ins (R23, staff opening): outside hours, or not yet
// opened by staff. It asks the server again every 30 s and whenever the window regains focus, so
// the kiosk comes up by itself once staff open the terminal (or the hours begin).
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { fill } from "../i18n/fill";
import { useT } from "../i18n/useT";
import { StandaloneShell } from "../StandaloneShell";
import { StaffLink } from "./ClosedStaffLink";

export type ClosedScreenProps = {
  reason: "notOpened" | "outsideHours" | "closedDay";
  /** 「平日 8:30〜20:00（土日祝日・年末年始を除く）」 */
  hours: string;
  /** 「11月27日(金) 8:30」, when known */
  nextOpening: string | null;
};

const REFRESH_MS = 30_000;

export function ClosedScreen(props: ClosedScreenProps) {
  const router = useRouter();
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
  // the header's modes are this page's own (no visit yet): the refresh above keeps them, the
  // kiosk that replaces this page starts at the standard ones
  return (
    <StandaloneShell>
      <ClosedNotice {...props} />
    </StandaloneShell>
  );
}

/** The screen's words, in the language chosen in the page's header. */
export function ClosedNotice({ reason, hours, nextOpening }: ClosedScreenProps) {
  const t = useT();
  const hoursLine = fill(t("受付時間: {hours}"), { hours: t(hours) });
  return (
    <>
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
    </>
  );
}
