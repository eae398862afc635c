dofile("report.lua")
-- GET with a bearer token; args: token
function init(args)
  headers = {["Authorization"] = "Bearer " .. args[1]}
end
function request()
  return wrk.format("GET", nil, headers)
end
