dofile("report.lua")
-- GET with a bearer token picked at random among prefix .. 1 .. prefix .. count (seeded live tokens).
-- args: prefix count
function init(args)
  prefix, count = args[1], tonumber(args[2])
  math.randomseed(os.time())
end
function request()
  return wrk.format("GET", nil, {["Authorization"] = "Bearer " .. prefix .. math.random(count)})
end
