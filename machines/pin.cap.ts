// The kiosk's own PIN cap (R33), one fact for the pin machine and the server that enforces it.
// Real cards lock after 3–10 wrong PINs and the count follows the card to every machine, so the
// kiosk stops first and never spends the card's last tries. Pure: the server imports it too.

/** Wrong PINs in a row the kiosk takes on one insertion. */
export const PIN_TRIES_PER_INSERTION = 2;

export const PIN_CAPPED_MESSAGE = `PIN番号を${PIN_TRIES_PER_INSERTION}回続けて間違えたため、ICカードがロックされないよう、これ以上のPIN番号の入力はお受けできません。PIN通知書等でPIN番号をご確認いただくか、係員にお声がけください。`;
