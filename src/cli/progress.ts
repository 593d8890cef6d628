import cliProgress from 'cli-progress'

/**
 * A progress bar on stderr (stdout keeps the summary, for scripts). cli-progress draws nothing when
 * stderr is not a terminal, so CI logs and pipes stay clean.
 */
export function progressBar (what: string): cliProgress.SingleBar {
  return new cliProgress.SingleBar({
    format: `${what} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`,
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: false,
    etaBuffer: 50
  }, cliProgress.Presets.shades_classic)
}
