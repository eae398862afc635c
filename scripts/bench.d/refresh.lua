dofile("scripts/bench.d/report.lua")
-- Each wrk thread holds one refresh token and trades it in on every request; run with as many
-- connections as threads, since a refresh token is single-use.

local counter = 0
function setup(thread)
  counter = counter + 1
  thread:set("id", counter)
end
function init(args)
  token = args[id] or args[1]
  auth = args[#args]
end
function request()
  return wrk.format("POST", "/o/token/", {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = auth}, "grant_type=refresh_token&refresh_token=" .. token)
end
function response(status, headers, body)
  local next_token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
  if next_token then token = next_token end
end
