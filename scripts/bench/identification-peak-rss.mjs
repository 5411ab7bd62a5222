// Preloaded into a benchmarked `weft` process (node --import): prints the process's peak
// resident set size on exit, so the bench can report memory as well as time.
process.on('exit', () => {
  // resourceUsage().maxRSS is in kilobytes (getrusage ru_maxrss).
  process.stderr.write(`\nweft-bench-peak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
