"use client";
import { useId } from "react";
import type { AgencyChoice } from "@/app/_shared/contracts";
import { interpolate, Ja } from "../i18n/flowText";
import { useT } from "../i18n/useT";

type ChoiceProps = {
  agencies: AgencyChoice[];
  checked: boolean;
  disabled?: boolean;
  onToggle: () => void;
};

/**
 * R22: 変更 and ICカード更新 reach the other agencies only when the operator ticks this box, and
 * then by the nightly batch. The agencies are listed so the bidder sees what "other" means.
 */
export function PropagateChoice({ agencies, checked, disabled, onToggle }: ChoiceProps) {
  const t = useT();
  const id = useId();
  const current = agencies.find((a) => a.current);
  const others = agencies.filter((a) => !a.current);
  return (
    <div className="notice" data-testid="propagate-choice">
      <p style={{ margin: 0 }}>
        {interpolate(t("選択されている調達機関名：{name}"), { name: <Ja>{current?.name ?? ""}</Ja> })}
      </p>
      {others.length > 0 ? (
        <>
          <div className="check">
            <input id={id} type="checkbox" checked={checked} disabled={disabled} onChange={onToggle} />
            <label htmlFor={id}>{t("他の調達機関にも変更を自動反映する")}</label>
          </div>
          <p style={{ margin: "6px 0 0" }}>
            {interpolate(t("他の申請自治体：{names}"), {
              names: <Ja>{others.map((a) => a.name).join(t("、"))}</Ja>,
            })}
          </p>
          <p className="note" style={{ margin: "6px 0 0" }}>
            {t("チェックをつけると、翌日、他の調達機関にも反映されます（当日の夜間処理）。")}
          </p>
        </>
      ) : (
        <p style={{ margin: "6px 0 0" }}>
          {t("このユーザIDで申請している調達機関は、選択されている調達機関のみです。")}
        </p>
      )}
    </div>
  );
}

type SummaryProps = {
  /** the agency of this kiosk session: updated as the operation commits */
  agencyName: string;
  /** the other agencies the nightly batch updates tonight (empty: this agency only) */
  propagatesTo: string[];
};

/** Which agencies are updated and when, on the result screens (R22). */
export function PropagationSummary({ agencyName, propagatesTo }: SummaryProps) {
  const t = useT();
  return (
    <div className="notice" data-testid="propagation">
      <p style={{ margin: 0 }}>
        {interpolate(t("{agency}：反映済みです（ただいまの操作で更新しました）。"), {
          agency: (
            <strong>
              <Ja>{agencyName}</Ja>
            </strong>
          ),
        })}
      </p>
      {propagatesTo.length > 0 ? (
        <p style={{ margin: "6px 0 0" }}>
          {interpolate(
            t("{agencies}：本日の夜間処理で自動反映されます（翌日から反映後の内容になります）。"),
            {
              agencies: (
                <strong>
                  <Ja>{propagatesTo.join(t("、"))}</Ja>
                </strong>
              ),
            },
          )}
        </p>
      ) : (
        <p style={{ margin: "6px 0 0" }}>{t("他の調達機関には反映しません。")}</p>
      )}
    </div>
  );
}
