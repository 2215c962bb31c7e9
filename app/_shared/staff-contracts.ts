// What every staff server action answers. Shared by the console's client forms and the server.

export type StaffRole = "staff" | "admin";

export type StaffFailureCode = "unauthorized" | "forbidden" | "invalid" | "conflict" | "error";

export type StaffFailure = {
  ok: false;
  code: StaffFailureCode;
  /** one Japanese sentence for the page */
  message: string;
  /** Japanese messages by form field name, shown at the field */
  fieldErrors?: Record<string, string>;
};

export const UNAUTHORIZED: StaffFailure = {
  ok: false,
  code: "unauthorized",
  message: "サインインしてください。サインインの有効期間が過ぎたか、サインアウトされています。",
};

export const FORBIDDEN: StaffFailure = {
  ok: false,
  code: "forbidden",
  message: "この操作は管理者のみが行えます。",
};

/** An unexpected failure inside a staff action: logged on the server, this sentence on screen. */
export const ACTION_FAILED: StaffFailure = {
  ok: false,
  code: "error",
  message: "処理できませんでした。もう一度お試しください。続く場合は管理者に連絡してください。",
};
