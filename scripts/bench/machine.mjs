import { execFileSync } from 'node:child_process';
import os from 'node:os';

function git(args) {
  try {
    return execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
}

/** What a reader needs to judge a figure: the machine, the runtime, the code and the date. */
export function describeMachine() {
  const cpus = os.cpus();
  // WEFT_BENCH_COMMIT names the code when the bench runs on an exported snapshot without .git.
  const commit = process.env.WEFT_BENCH_COMMIT ?? git(['rev-parse', '--short', 'HEAD']);
  const dirty = process.env.WEFT_BENCH_COMMIT ? '' : git(['status', '--porcelain', '--untracked-files=no']);
  return {
    cpu: cpus[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'unknown CPU',
    cores: typeof os.availableParallelism === 'function' ? os.availableParallelism() : cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    commit: commit ? `${commit}${dirty ? ' (with uncommitted changes)' : ''}` : 'unknown',
    // The machine is shared: the load when the run began says how much to trust absolute figures.
    loadAverage: os.loadavg()[0],
    date: new Date().toISOString(),
  };
}

export function machineLine(machine) {
  return (
    `${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB RAM, Node ${machine.node}, ` +
    `${machine.platform}, load average ${machine.loadAverage.toFixed(1)} at start, commit ${machine.commit}, ` +
    `${machine.date.slice(0, 16).replace('T', ' ')} UTC`
  );
}
