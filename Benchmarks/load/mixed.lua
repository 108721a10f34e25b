-- Mixed read/write load for wrk: 90 % reads (search, listing, profile pages, API), 10 % writes
-- (town profile through the API with a token). A write that meets a newer version answers 409
-- (optimistic locking): expected, counted apart. Errors are 5xx answers and socket errors.
-- Usage: TOKEN=aw_… wrk -t4 -c64 -d60s -s mixed.lua http://127.0.0.1:8080

local token = os.getenv("TOKEN") or ""
local reads = {
  "/api/v1/gemeinden?q=Muenster", "/api/v1/gemeinden?q=Warendorv", "/api/v1/gemeinden?land=05&sort=-einwohner&page=2",
  "/api/v1/gemeinden/05570004", "/api/v1/kreise/05570", "/gemeinden?q=Ahlen", "/gemeinden/05515000", "/kreise/05570",
  "/api/v1/kommunen/05570004/profil", "/",
}
local towns = { "05570004", "05570036", "05570052", "05515000", "05566008", "05558012", "05711000", "05754008" }
local counter = 0
local versions = {}
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  ok, conflicts, server_errors = 0, 0, 0
end

request = function()
  counter = counter + 1
  if counter % 10 == 0 then
    local town = towns[(counter / 10) % #towns + 1]
    local version = versions[town] or 0
    local body = string.format('{"beschreibung":"Last %d","version":%d}', counter, version)
    return wrk.format("PUT", "/api/v1/kommunen/" .. town .. "/profil",
      { ["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json" }, body)
  end
  return wrk.format("GET", reads[counter % #reads + 1])
end

response = function(status, headers, body)
  if status >= 500 then
    server_errors = server_errors + 1
  elseif status == 409 then
    conflicts = conflicts + 1
  else
    ok = ok + 1
    local town, version = body:match('"schluessel":"(%d+)".-"version":(%d+)')
    if town and version then versions[town] = tonumber(version) end
  end
end

done = function(summary, latency, requests)
  local server_errors_total, conflicts_total = 0, 0
  for _, thread in ipairs(threads) do
    server_errors_total = server_errors_total + thread:get("server_errors")
    conflicts_total = conflicts_total + thread:get("conflicts")
  end
  io.write(string.format("requests %d, socket errors %d, 5xx %d, 409 (version conflicts, expected) %d\n",
    summary.requests, summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    server_errors_total, conflicts_total))
  io.write(string.format("latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
