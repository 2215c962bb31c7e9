"use client";

import { useEffect, useId, useState } from "react";
import type { AgencyView } from "@/app/_shared/contracts";
import { KIND_LABELS, type Kind } from "@/app/_shared/kinds";
import { BusyStatus } from "../BusyStatus";
import { useT } from "../i18n/useT";

type Props = {
  agencies: AgencyView[];
  error: string | null;
  busy: boolean;
  onSubmit: (agencyCode: string, kind: Kind) => void;
};

/** 1 調達機関・業務選択. 物品等 is offered only where the agency bids goods electronically (R20). */
export function SelectScreen({ agencies, error, busy, onSubmit }: Props) {
  const [code, setCode] = useState(agencies[0]?.code ?? "");
  const selectId = useId();
  const t = useT();
  const agency = agencies.find((a) => a.code === code);
  // The server-rendered buttons do nothing until React has hydrated them; disabled until then, a
  // quick tap is not silently lost (and a test's click waits for them).
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  const blocked = busy || !ready;

  return (
    <section aria-labelledby={`${selectId}-title`}>
      <h1 id={`${selectId}-title`}>
        {t("「調達機関・建設工事、設計・調査・測量、土木施設維持管理／物品等」選択画面（受注者用）")}
      </h1>
      <p>{t("調達機関を選択していずれかのボタンを押してください。")}</p>
      {error ? (
        <p className="notice error" role="alert">
          {t(error)}
        </p>
      ) : null}
      <div className="field" style={{ maxWidth: 520 }}>
        <label htmlFor={selectId}>{t("調達機関")}</label>
        <select
          id={selectId}
          lang="ja"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          disabled={blocked}
        >
          {agencies.map((a) => (
            <option key={a.code} value={a.code}>
              {a.name}
            </option>
          ))}
        </select>
      </div>
      <div className="big-choice">
        <button
          type="button"
          className="primary"
          disabled={blocked || !agency}
          onClick={() => onSubmit(code, "construction")}
        >
          ◎{t(KIND_LABELS.construction)}
        </button>
        {agency?.goods ? (
          <button
            type="button"
            className="primary"
            disabled={blocked}
            onClick={() => onSubmit(code, "goods")}
          >
            ◎{t(KIND_LABELS.goods)}
          </button>
        ) : null}
      </div>
      {busy ? <BusyStatus /> : null}
      <div className="notice">
        <strong>{t("※注意")}</strong>
        <ul>
          <li>{t("「工事」「物品」両方の資格をお持ちの方は、それぞれ利用者登録を行う必要があります。")}</li>
          <li>
            {t(
              "申請自治体のいずれかひとつで登録を行えば、当日の夜間処理で他の申請自治体へ自動反映されます。このため、1回の登録作業で全ての申請自治体への登録が完了します。",
            )}
          </li>
          <li>
            {t(
              "ICカード再取得時の登録操作の際に代表窓口情報の内容に変更が生じた場合は、利用者登録画面で変更するのではなく、一度登録した後に『変更』から変更する必要があります。",
            )}
          </li>
          <li>
            {t(
              "更新申請で申請自治体を追加した場合は、追加した自治体に対してICカードの利用者登録を行う必要があります。なお、複数の自治体を追加した場合は、追加した自治体のいずれか一つで登録を行うと、翌日には他の追加した自治体へも自動的に反映されます。",
            )}
          </li>
          <li>{t("物品は、埼玉県と一部の自治体のみ「電子入札システム」に対応しています。")}</li>
        </ul>
      </div>
    </section>
  );
}
