-- Failover drill load for wrk (Benchmarks/cluster/run.sh): 90 % reads through the load balancer
-- (register pages and API, item search), 10 % writes (town profiles through the API with a token,
-- optimistic locking: a write on a stale version answers 409, expected; the thread then reads its
-- towns' profiles again before writing on). Every profile answered with 200 — a write's
-- acknowledgement, or a read of a committed version — is appended to $ACKS as "town version", so
-- that the drill can check afterwards that the database holds at least that version of every town.
-- Usage (two threads): TOKEN=aw_… ACKS=/tmp/acks wrk -t2 -c32 -d30s -s drill.lua http://127.0.0.1:18090

local token = os.getenv("TOKEN") or ""
local acks_path = os.getenv("ACKS") or "/tmp/aufwind-acks"
local reads = {
  "/api/v1/gemeinden?q=Muenster", "/api/v1/gemeinden?q=Warendorv", "/api/v1/gemeinden?land=05&sort=-einwohner&page=2",
  "/api/v1/gemeinden/05570004", "/api/v1/kreise/05570", "/gemeinden?q=Ahlen", "/gemeinden/05515000", "/kreise/05570",
  "/eintraege?q=Digital", "/",
}
local towns = { "05570004", "05570036", "05570052", "05515000", "05566008", "05558012", "05711000", "05754008" }
local counter = 0
local versions = {}
local threads = {}
local acks

-- Each thread writes its own towns: a 409 answer does not carry the version, so a thread must be
-- the only writer of a town to learn every new version from its own 200 answers.
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
  thread:set("count", 0)
end

function init(args)
  ok, conflicts, server_errors, written, refreshes = 0, 0, 0, 0, 0
  stale = {}
  acks = io.open(acks_path, "a")
  mine = {}
  for i, town in ipairs(towns) do
    if (i - 1) % 2 == (id - 1) % 2 then table.insert(mine, town) end
  end
end

request = function()
  counter = counter + 1
  if counter % 10 == 0 then
    local town = mine[(counter / 10) % #mine + 1]
    if stale[town] then
      stale[town] = nil
      refreshes = refreshes + 1
      return wrk.format("GET", "/api/v1/kommunen/" .. town .. "/profil")
    end
    local version = versions[town] or 0
    local body = string.format('{"beschreibung":"Übung %d","version":%d}', counter, version)
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
    -- The answer does not say which town: read them all again before the next writes.
    for _, town in ipairs(mine) do stale[town] = true end
  else
    ok = ok + 1
    local town = body:match('"schluessel":"(%d+)"')
    local version = body:match('"version":(%d+)')
    if town and version and status == 200 then
      versions[town] = tonumber(version)
      written = written + 1
      acks:write(town, " ", version, "\n")
      acks:flush()
    end
  end
end

done = function(summary, latency, requests)
  local server_errors_total, conflicts_total, written_total = 0, 0, 0
  for _, thread in ipairs(threads) do
    server_errors_total = server_errors_total + thread:get("server_errors")
    conflicts_total = conflicts_total + thread:get("conflicts")
    -- Profiles answered with 200, less the reads after a conflict: the acknowledged writes.
    written_total = written_total + thread:get("written") - thread:get("refreshes")
  end
  local socket_errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format("requests %d in %.1f s: %.0f req/s\n", summary.requests, summary.duration / 1e6,
    summary.requests / (summary.duration / 1e6)))
  io.write(string.format("latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("failed: %d socket errors, %d answers 5xx; writes acknowledged %d, version conflicts (expected) %d\n",
    socket_errors, server_errors_total, written_total, conflicts_total))
end
