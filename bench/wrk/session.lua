-- wrk script for AidHub's benchmark: sends the session cookie (from BENCH_COOKIE, obtained by signing in
-- first) and prints a JSON summary that bench/run.py reads.
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end

-- errors.status counts answers that were not 2xx or 3xx (a page that fails must not look fast).
done = function(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p90_us": %d, "p99_us": %d, ' ..
    '"connect_errors": %d, "read_errors": %d, "write_errors": %d, "status_errors": %d, "timeouts": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
    errors.connect, errors.read, errors.write, errors.status, errors.timeout))
end
