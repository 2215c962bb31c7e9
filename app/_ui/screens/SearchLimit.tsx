import type { Failure } from "@/app/_shared/contracts";

/**
 * R11: the visit's 5th failed search. The server has already ended the visit; the manual's
 * checklist stays on screen until the bidder ends it (or the idle timer does), so they leave
 * knowing what to check before they try again.
 */
export function SearchLimitScreen({ failure, onEnd }: { failure: Failure; onEnd: () => void }) {
  return (
    <section aria-labelledby="search-limit-title">
      <h1 id="search-limit-title">受付を終了します</h1>
      <div className="notice error" role="alert">
        <p style={{ margin: 0 }}>{failure.message}</p>
      </div>
      {failure.hints && failure.hints.length > 0 ? (
        <div className="notice warn" data-testid="search-limit-checklist">
          <ul>
            {failure.hints.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p>ユーザID・パスワードが分からない場合は、係員にお声がけください。</p>
      <div className="actions">
        <button type="button" className="primary" onClick={onEnd}>
          終了する
        </button>
      </div>
    </section>
  );
}
