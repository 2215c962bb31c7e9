"use client";
import { msgid } from "../i18n/translate";
import { useT } from "../i18n/useT";

export type EndReason = "logout" | "cardRemoved" | "timeout" | "searchLimit";

/** How the visit ended, in the words 終了画面 uses (R31, R32). */
export type EndKind =
  "completed" | "cancelled" | "cardRemoved" | "timedOut" | "timedOutCompleted" | "searchLimit";

export function endKindOf(reason: EndReason | null, committed: boolean): EndKind {
  if (reason === "cardRemoved") return "cardRemoved";
  if (reason === "searchLimit") return "searchLimit";
  if (reason === "timeout") return committed ? "timedOutCompleted" : "timedOut";
  return committed ? "completed" : "cancelled";
}

// Only a completed visit is thanked as done; one that ended early says that nothing was saved
// (the flows commit in one step, so before it nothing was).
const WORDS: Record<EndKind, { lead: string; detail: string | null }> = {
  completed: { lead: msgid("ご利用ありがとうございました。"), detail: msgid("お手続きは完了しました。") },
  cancelled: {
    lead: msgid("ご利用ありがとうございました。"),
    detail: msgid("お手続きは完了していません。入力された内容は消去されました。"),
  },
  cardRemoved: {
    lead: msgid("ICカードが取り出されたため、手続きを中止しました。"),
    detail: msgid("お手続きは完了していません。入力された内容は消去されました。最初からやり直してください。"),
  },
  timedOut: {
    lead: msgid("一定時間操作がなかったため、手続きを中止しました。"),
    detail: msgid("お手続きは完了していません。入力された内容は消去されました。"),
  },
  timedOutCompleted: {
    lead: msgid("一定時間操作がなかったため、終了しました。"),
    detail: msgid("お手続きは完了しています。"),
  },
  searchLimit: {
    lead: msgid("競争入札参加資格審査情報の検索に続けて失敗したため、手続きを終了しました。"),
    detail: msgid("お手続きは完了していません。入力された内容は消去されました。"),
  },
};

/** 終了画面: the kiosk returns to the first screen by itself, with every bidder datum cleared. */
export function EndScreen({ reason, committed = false }: { reason: EndReason | null; committed?: boolean }) {
  const words = WORDS[endKindOf(reason, committed)];
  const t = useT();
  return (
    <section aria-labelledby="end-title">
      <h1 id="end-title">{t("終了画面")}</h1>
      <p style={{ fontSize: "1.6rem", fontWeight: 700 }}>{t(words.lead)}</p>
      {words.detail ? <p className="notice">{t(words.detail)}</p> : null}
      <p>{t("まもなく最初の画面に戻ります。")}</p>
    </section>
  );
}
