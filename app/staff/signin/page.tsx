import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentStaff } from "@/app/_server/staff/auth";
import { safeStaffPath } from "@/app/_server/staff/callback-url";
import { config } from "@/app/_server/config";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "サインイン — 職員コンソール" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Needs no session (it is where a missing one leads). Signed in already → straight on.
export default async function StaffSignInPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeStaffPath(first(params.callbackUrl));
  if (await currentStaff()) redirect(callbackUrl);
  const { STAFF_SIGNIN_WINDOW_MINUTES: minutes } = config();
  return (
    <div className="staff-main-narrow">
      <h1>職員サインイン</h1>
      <SignInForm
        callbackUrl={callbackUrl}
        initialError={messageFor(first(params.error), minutes)}
        throttleMessage={messageFor("throttled", minutes)}
        invalidMessage={messageFor("CredentialsSignin", minutes)}
      />
      {/* The kiosk's 係員用 link leads here, and the kiosk browser has no address bar: a bidder
          who tapped it needs a way back. */}
      <p>
        <a href="/">キオスク画面へ戻る</a>
      </p>
    </div>
  );
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function messageFor(error: string | undefined, minutes: number): string | null {
  if (!error) return null;
  if (error === "throttled") {
    // the lock may be the login's or this address's (signin-throttle.ts): the words fit both
    return `サインインの失敗が続いたため、${minutes}分間サインインできません。時間をおいてからやり直すか、管理者にロックの解除を依頼してください。`;
  }
  if (error === "CredentialsSignin") return "ログイン名またはパスワードが正しくありません。";
  return "サインインできませんでした。もう一度お試しください。";
}
