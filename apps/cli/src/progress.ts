import cliProgress from 'cli-progress';
import type { SeedProgress } from '@livehub/server/seed';

/** A progress bar on a terminal; one line per stage elsewhere (CI logs). */
export function progressReporter(title: string): { onProgress: SeedProgress; stop(): void } {
  if (!process.stderr.isTTY) {
    let lastStage = '';
    return {
      onProgress: (done, total, stage) => {
        if (stage !== lastStage || done === total) process.stderr.write(`${title}: ${stage} ${done}/${total}\n`);
        lastStage = stage;
      },
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { format: `${title} [{bar}] {percentage}% | {value}/{total} | {stage}`, stream: process.stderr },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    onProgress: (done, total, stage) => {
      if (!started) {
        bar.start(total, done, { stage });
        started = true;
      } else bar.update(done, { stage });
    },
    stop: () => started && bar.stop(),
  };
}
