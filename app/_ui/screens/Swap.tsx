/**
 * Between the two PINs of ICカード更新: the old card comes out and the new one goes in. Taking the
 * old card out is the expected step here, not an abort.
 */
export function SwapScreen({ oldCardIn }: { oldCardIn: boolean }) {
  return (
    <section aria-labelledby="swap-title">
      <h1 id="swap-title">新しいICカードの確認</h1>
      <p className="notice" role="status" style={{ fontSize: "1.4rem", fontWeight: 700 }}>
        現在使用しているICカードを取り出し、新しいICカードを差し込んでください
      </p>
      <ol className="swap-steps">
        <li aria-current={oldCardIn ? "step" : undefined} className={oldCardIn ? undefined : "done"}>
          {oldCardIn ? null : <span className="sr-only">完了：</span>}
          現在使用しているICカードを取り出す
        </li>
        <li aria-current={oldCardIn ? undefined : "step"}>新しく取得したICカードを差し込む</li>
      </ol>
      <p className="note">
        現在使用しているICカードの確認は終わりました。新しいICカードを差し込むと、PIN番号の入力に進みます。
      </p>
    </section>
  );
}
