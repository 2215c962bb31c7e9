import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { currentStaff } from "@/app/_server/staff/auth";
import { ROLE_LABEL } from "./_components/labels";
import { SessionKeepAlive } from "./_components/SessionKeepAlive";
import { SignOutButton } from "./_components/SignOutButton";
import { StaffCalls } from "./_components/StaffCalls";
import { StaffNav, type StaffNavLink } from "./_components/StaffNav";
import "./staff.css";

export const metadata: Metadata = {
  title: "職員コンソール — 利用者登録キオスク",
};

// Every staff page calls requireStaffPage() itself; the layout only reads who is signed in (it
// must not redirect: the sign-in page lives under it too).
export const dynamic = "force-dynamic";

const LINKS: StaffNavLink[] = [
  { href: "/staff", label: "本日の受付" },
  { href: "/staff/terminal", label: "端末の開始・終了" },
  { href: "/staff/registrations", label: "登録の検索" },
  { href: "/staff/receipt-verify", label: "受付証明の照合" },
  { href: "/staff/search-locks", label: "検索ロック" },
  { href: "/staff/outbox", label: "メール送信状況" },
  { href: "/staff/audit", label: "監査ログ" },
  { href: "/staff/batch", label: "夜間反映" },
  { href: "/staff/expiring", label: "有効期限が近いICカード" },
  { href: "/staff/agencies", label: "調達機関" },
];

// admin-only pages: importing the data every search depends on, and the staff accounts
const ADMIN_LINKS: StaffNavLink[] = [
  { href: "/staff/qualifications", label: "資格データ取込" },
  { href: "/staff/accounts", label: "職員アカウント" },
];

export default async function StaffLayout({ children }: { children: ReactNode }) {
  const staff = await currentStaff();
  return (
    <div className="staff-console">
      <header className="staff-header">
        <Link href="/staff" className="staff-title">
          利用者登録キオスク 職員コンソール
        </Link>
        {staff && (
          <div className="staff-who">
            <span>
              {staff.displayName}（{staff.login}）
            </span>
            <span className="staff-role">{ROLE_LABEL[staff.role]}</span>
            <SignOutButton />
          </div>
        )}
      </header>
      {staff ? (
        <div className="staff-body">
          <StaffNav links={staff.role === "admin" ? [...LINKS, ...ADMIN_LINKS] : LINKS} />
          <main className="staff-main" id="staff-main">
            <StaffCalls />
            {children}
          </main>
          <SessionKeepAlive />
        </div>
      ) : (
        <main className="staff-main">{children}</main>
      )}
    </div>
  );
}
