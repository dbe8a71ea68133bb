-- wrk: print the latency percentiles the benchmark reports (milliseconds)
done = function(summary, latency, requests)
  for _, p in ipairs({ 50, 95, 99 }) do
    io.write(string.format("p%d %.1f\n", p, latency:percentile(p) / 1000.0))
  end
end
