// What the console's live routes answer (係員呼び出し, each terminal's screen): JSON, shared by
// the routes' services and the console's polling components.

export type OpenCallView = {
  id: string;
  terminalId: string;
  screen: string;
  screenLabel: string;
  hint: string;
  lastError: string | null;
  /** why the kiosk called by itself (R32: ICカードの取り忘れ); null for a bidder's 係員を呼ぶ */
  reason: string | null;
  createdAt: string;
  /** seconds since the call, by the server's clock (the console's clock may differ) */
  waitingSeconds: number;
};

export type TerminalScreenView = {
  terminalId: string;
  screen: string;
  screenLabel: string;
  updatedAt: string;
  /** seconds since the screen changed, by the server's clock */
  sinceSeconds: number;
};
