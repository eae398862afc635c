-- Prints one machine-readable line after the human report: requests/s and non-2xx count.
function done(summary, latency, requests)
  local errors = summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout
  io.write(string.format("RESULT rps=%.1f errors=%d p99_ms=%.2f\n",
    summary.requests / (summary.duration / 1e6), errors, latency:percentile(99) / 1000))
end
