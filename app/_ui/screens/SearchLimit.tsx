"use client";
import type { Failure } from "@/app/_shared/contracts";
import { useT } from "../i18n/useT";

/**
 * R11: the visit's 5th failed search. The server has already ended the visit; the manual's
 * checklist stays on screen until the bidder ends it (or the idle timer does), so they leave
 * knowing what to check before they try again.
 */
export function SearchLimitScreen({ failure, onEnd }: { failure: Failure; onEnd: () => void }) {
  const t = useT();
  return (
    <section aria-labelledby="search-limit-title">
      <h1 id="search-limit-title">{t("受付を終了します")}</h1>
      <div className="notice error" role="alert">
        <p style={{ margin: 0 }}>{t(failure.message)}</p>
      </div>
      {failure.hints && failure.hints.length > 0 ? (
        <div className="notice warn" data-testid="search-limit-checklist">
          <ul>
            {failure.hints.map((line) => (
              <li key={line}>{t(line)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>{t("ユーザID・パスワードが分からない場合は、係員にお声がけください。")}</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onEnd}>
          {t("終了する")}
        </button>
      </div>
    </section>
  );
}
