"use client";
// ただいまご利用いただけません: the server cannot reach its database (issue 10). Nothing of the visit
// was written, and the kiosk comes back by itself: the machine asks /api/health again (kiosk state
// `unavailable`), and the page rendered while the database was down polls it the same way.
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useT } from "../i18n/useT";
import { StandaloneShell } from "../StandaloneShell";

const POLL_MS = 5_000;

/** The message itself, for the kiosk's own screen area. */
export function UnavailableNotice() {
  const t = useT();
  return (
    <section aria-labelledby="unavailable-title">
      <h1 id="unavailable-title">{t("ただいまご利用いただけません")}</h1>
      <p className="notice">
        {t(
          "システムに接続できないため、受付を一時停止しています。手続きの途中だった内容は登録されていません。",
        )}
      </p>
      <p style={{ fontSize: "1.3rem", fontWeight: 700 }} role="status">
        {t("しばらくしてから自動で再開します。お急ぎの場合は係員にお声がけください。")}
      </p>
    </section>
  );
}

/** The whole page, when the kiosk page itself could not read the database. */
export function UnavailableScreen() {
  const router = useRouter();
  useEffect(() => {
    let stopped = false;
    const timer = window.setInterval(() => {
      void fetch("/api/health", { cache: "no-store" })
        .then((response) => {
          if (response.ok && !stopped) router.refresh();
        })
        .catch(() => {
          // the server itself is restarting: the next poll asks again
        });
    }, POLL_MS);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [router]);

  // no kiosk machine on this page: the header's modes are the page's own
  return (
    <StandaloneShell>
      <UnavailableNotice />
    </StandaloneShell>
  );
}
