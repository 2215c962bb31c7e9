import type { Metadata } from "next";
import { listConsoleAgencies } from "@/app/_server/staff/agencies";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { GoodsToggle } from "./GoodsToggle";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "調達機関 — 職員コンソール" };

// R20: 物品 is offered at the kiosk only where the agency's flag is on. Staff read; admins switch.
export default async function StaffAgenciesPage() {
  const staff = await requireStaffPage("staff", "/staff/agencies");
  const agencies = await listConsoleAgencies();
  const admin = staff.role === "admin";
  return (
    <>
      <h1>調達機関</h1>
      <p className="staff-notice">
        物品が「なし」の調達機関では、キオスクで物品の登録・変更・ICカード更新を選べません。
        {admin ? "" : "変更は管理者が行います。"}
      </p>
      <table className="staff-table">
        <thead>
          <tr>
            <th scope="col">調達機関コード</th>
            <th scope="col">調達機関名</th>
            <th scope="col">物品</th>
            {admin && <th scope="col">変更</th>}
          </tr>
        </thead>
        <tbody>
          {agencies.map((a) => (
            <tr key={a.code}>
              <td>{a.code}</td>
              <th scope="row">{a.name}</th>
              <td>
                {a.goods ? (
                  <span className="status-badge status-active">○ あり</span>
                ) : (
                  <span className="status-badge">× なし</span>
                )}
              </td>
              {admin && (
                <td>
                  <GoodsToggle code={a.code} name={a.name} goods={a.goods} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
