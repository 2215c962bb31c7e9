import type { Metadata } from "next";
import { listStaffAccounts, MIN_PASSWORD } from "@/app/_server/staff/accounts";
import { requireStaffPage } from "@/app/_server/staff/auth";
import { lockedSources, lockedUnknownLogins } from "@/app/_server/staff/signin-throttle";
import { ROLE_LABEL, tokyoDateTime } from "../_components/labels";
import { AccountRowActions } from "./AccountRowActions";
import { CreateAccountForm } from "./CreateAccountForm";
import { SourceUnlockForm } from "./SourceUnlockForm";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "職員アカウント — 職員コンソール" };

export default async function StaffAccountsPage() {
  const me = await requireStaffPage("admin", "/staff/accounts");
  const now = new Date();
  const [accounts, sources, unknownLogins] = await Promise.all([
    listStaffAccounts(),
    lockedSources(now),
    lockedUnknownLogins(now),
  ]);
  return (
    <>
      <h1>職員アカウント</h1>
      <p className="staff-notice">
        無効にした職員やパスワードを再設定した職員は、サインイン中の画面もすぐに使えなくなります。自分自身の権限の変更や無効化はできません。パスワードを続けて間違えたログイン名は「ロック中」と表示されます。本人に確認したうえで、理由を入力して「ロック解除」を押してください。
      </p>
      <table className="staff-table">
        <caption>職員一覧（{accounts.length}名）</caption>
        <thead>
          <tr>
            <th scope="col">ログイン名</th>
            <th scope="col">氏名</th>
            <th scope="col">権限</th>
            <th scope="col">状態</th>
            <th scope="col">最終サインイン</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <th scope="row">{a.login}</th>
              <td>{a.displayName}</td>
              <td>{ROLE_LABEL[a.role]}</td>
              <td>
                {a.disabledAt ? (
                  <span className="status-badge status-disabled">無効</span>
                ) : (
                  <span className="status-badge status-active">有効</span>
                )}
                {a.activeSessions > 0 && <div>サインイン中 {a.activeSessions}</div>}
                {a.signInLockedUntil && (
                  <div>
                    <span className="status-badge status-disabled">ロック中</span>{" "}
                    {tokyoDateTime(a.signInLockedUntil)} まで
                  </div>
                )}
              </td>
              <td>{tokyoDateTime(a.lastSignInAt)}</td>
              <td>
                <AccountRowActions
                  account={{
                    id: a.id,
                    login: a.login,
                    role: a.role,
                    disabled: a.disabledAt !== null,
                    locked: a.signInLockedUntil !== null,
                  }}
                  self={a.id === me.id}
                  minPassword={MIN_PASSWORD}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>ロック中の接続元</h2>
      <p className="staff-notice">
        同じ接続元（IPアドレス）からサインインの失敗が続くと、ログイン名に関係なくその接続元からのサインインを一定時間受け付けません。利用者に確認できた場合は、理由を入力して「ロック解除」を押してください。
      </p>
      {sources.length === 0 ? (
        <p>ロック中の接続元はありません。</p>
      ) : (
        <table className="staff-table">
          <caption>ロック中の接続元（{sources.length}件）</caption>
          <thead>
            <tr>
              <th scope="col">接続元</th>
              <th scope="col">ロック期限</th>
              <th scope="col">操作</th>
            </tr>
          </thead>
          <tbody>
            {sources.map((s, i) => (
              <tr key={s.source}>
                <th scope="row">{s.source}</th>
                <td>{tokyoDateTime(s.lockedUntil)} まで</td>
                <td>
                  <SourceUnlockForm source={s.source} index={i} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {unknownLogins > 0 && (
        <p>
          職員にないログイン名のロック: {unknownLogins}
          件（入力された文字は記録していないため表示できません。期限が来ると自動的に解除されます）。
        </p>
      )}
      <h2>職員を追加</h2>
      <CreateAccountForm minPassword={MIN_PASSWORD} />
    </>
  );
}
