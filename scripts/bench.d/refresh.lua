dofile("report.lua")
-- Refresh grants over a pool of token families: a refresh token is single-use, so every request takes one from
-- the pool and every answer puts its successor back. The pool is larger than the connection count, so no two
-- requests in flight ever present the same token (that would be reuse, and revoke the family).
-- args: "Basic ..." token1 token2 ...
function init(args)
  auth = args[1]
  pool = {}
  for i = 2, #args do pool[#pool + 1] = args[i] end
end
function request()
  local token = table.remove(pool, 1) or "exhausted"
  return wrk.format("POST", "/o/token/", {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = auth}, "grant_type=refresh_token&refresh_token=" .. token)
end
function response(status, headers, body)
  local next_token = body:match('"refresh_token"%s*:%s*"([^"]+)"')
  if next_token then pool[#pool + 1] = next_token end
end
