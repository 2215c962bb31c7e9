"use client";
import { useT } from "./i18n/useT";

/**
 * Where the bidder is in the flow; always visible while a flow runs (SPEC §2). `current` is the
 * step's index, or its label when labels are unique (ICカード更新 has 確認 twice). The labels are
 * the machines' Japanese, translated here.
 */
export function StepIndicator({ steps, current }: { steps: readonly string[]; current: number | string }) {
  const t = useT();
  const index = typeof current === "number" ? current : steps.indexOf(current);
  return (
    <nav aria-label={t("手続きの進み具合")}>
      <ol className="steps">
        {steps.map((step, i) => (
          <li
            key={`${i}-${step}`}
            aria-current={i === index ? "step" : undefined}
            className={i < index ? "done" : undefined}
          >
            {i < index ? <span className="sr-only">{t("完了：")}</span> : null}
            {t(step)}
          </li>
        ))}
      </ol>
    </nav>
  );
}
