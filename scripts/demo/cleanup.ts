/**
 * What the demo started, stopped in reverse order exactly once, whether it ends by success,
 * failure or a signal. Each step gets a time limit so that one hung part cannot keep the
 * rest (Kamailio above all) running.
 */
const STEP_LIMIT_MS = 10_000;

export class Cleanup {
  private readonly steps: { name: string; run: () => Promise<void> | void }[] = [];
  private running: Promise<string[]> | undefined;

  add(name: string, run: () => Promise<void> | void): void {
    this.steps.push({ name, run });
  }

  /** Runs every step once; later calls wait for the same run. Returns the steps that failed. */
  run(): Promise<string[]> {
    this.running ??= this.runSteps();
    return this.running;
  }

  private async runSteps(): Promise<string[]> {
    const failed: string[] = [];
    for (const step of this.steps.reverse()) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const limit = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), STEP_LIMIT_MS);
      });
      try {
        await Promise.race([Promise.resolve().then(step.run), limit]);
      } catch (error) {
        failed.push(`${step.name}: ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        clearTimeout(timer);
      }
    }
    return failed;
  }
}
