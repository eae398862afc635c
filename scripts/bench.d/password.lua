dofile("report.lua")
-- Password grants with HTTP Basic client authentication; args: username password "Basic ..."
function init(args)
  body = "grant_type=password&username=" .. args[1] .. "&password=" .. args[2]
  auth = args[3]
end
function request()
  return wrk.format("POST", "/o/token/", {["Content-Type"] = "application/x-www-form-urlencoded",
    ["Authorization"] = auth}, body)
end
