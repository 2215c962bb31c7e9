"use client";
// 「改ざん検査」 for the audit log page: runs the chain check on the server and shows one line,
// the count of intact rows or the first broken row.
import { useState, useTransition } from "react";
import { verifyAuditChainAction, type AuditVerifyView } from "@/app/staff/_actions/audit";
import type { StaffFailure } from "@/app/_shared/staff-contracts";

export function AuditVerifyButton() {
  const [result, setResult] = useState<AuditVerifyView | StaffFailure | null>(null);
  const [pending, startTransition] = useTransition();

  function check() {
    startTransition(async () => {
      try {
        setResult(await verifyAuditChainAction());
      } catch {
        setResult({ ok: false, code: "error", message: "検査できませんでした。もう一度お試しください。" });
      }
    });
  }

  return (
    <div className="audit-verify">
      <button type="button" className="staff-button secondary" onClick={check} disabled={pending}>
        {pending ? "検査中…" : "改ざん検査"}
      </button>
      <div aria-live="polite">
        {result === null ? null : !result.ok ? (
          <p className="staff-error">{result.message}</p>
        ) : result.intact ? (
          <p className="staff-notice">{result.summary}</p>
        ) : (
          <p className="staff-error">改ざんの可能性があります。{result.summary}</p>
        )}
      </div>
    </div>
  );
}
