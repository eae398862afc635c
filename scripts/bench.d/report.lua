-- Prints one machine-readable line after the human report: requests/s, failed requests, latency p50 and p99.
-- Non-2xx answers count as errors: a benchmark of refusals would measure nothing.
function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
    + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f errors=%d requests=%d p50_ms=%.3f p99_ms=%.3f\n",
    summary.requests / (summary.duration / 1e6), errors, summary.requests,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
