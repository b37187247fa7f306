/**
 * Runs `work` at most once per `ms`: at once when idle, else once more at the end of the wait, so the
 * last call is never lost. For redraws driven by typing and by pages landing.
 */
export function throttle(work: () => void, ms: number): { (): void; dispose(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const run = (): void => {
    if (timer) {
      pending = true;
      return;
    }
    work();
    timer = setTimeout(() => {
      timer = undefined;
      if (!pending) return;
      pending = false;
      run();
    }, ms);
  };
  return Object.assign(run, { dispose: () => clearTimeout(timer) });
}
