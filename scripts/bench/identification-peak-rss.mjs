// Preloaded into a benchmarked `weft` process (node --import): prints the process's peak
// resident set size and CPU time on exit, so the bench can report memory as well as time, and
// CPU time where the machine is shared (wall time then says more about the neighbours).
process.on('exit', () => {
  // resourceUsage().maxRSS is in kilobytes (getrusage ru_maxrss); CPU times are in microseconds.
  const usage = process.resourceUsage();
  process.stderr.write(
    `\nweft-bench-peak-rss-kb ${usage.maxRSS}\nweft-bench-cpu-ms ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`,
  );
});
