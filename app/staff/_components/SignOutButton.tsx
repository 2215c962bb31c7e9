"use client";

import { useState } from "react";
import { signOutAction } from "../_actions/session";
import { useHydrated } from "./useHydrated";

/** サインアウト: the server revokes the session row and drops the cookie, then the sign-in page. */
export function SignOutButton() {
  const [busy, setBusy] = useState(false);
  const hydrated = useHydrated();
  return (
    <button
      type="button"
      className="staff-button secondary"
      disabled={busy || !hydrated}
      onClick={async () => {
        setBusy(true);
        try {
          await signOutAction();
        } finally {
          // whatever the answer (already signed out, expired), the sign-in page is where to go
          window.location.assign("/staff/signin");
        }
      }}
    >
      サインアウト
    </button>
  );
}
