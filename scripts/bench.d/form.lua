dofile("report.lua")
-- One fixed form POST; args: path body "Authorization header value"
function init(args)
  path, body, auth = args[1], args[2], args[3]
end
function request()
  return wrk.format("POST", path, {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = auth}, body)
end
