/** Where the bidder is in the flow; always visible while a flow runs (SPEC §2). */
export function StepIndicator({ steps, current }: { steps: readonly string[]; current: string }) {
  const index = steps.indexOf(current);
  return (
    <nav aria-label="手続きの進み具合">
      <ol className="steps">
        {steps.map((step, i) => (
          <li
            key={step}
            aria-current={i === index ? "step" : undefined}
            className={i < index ? "done" : undefined}
          >
            {i < index ? <span className="sr-only">完了：</span> : null}
            {step}
          </li>
        ))}
      </ol>
    </nav>
  );
}
